import { describe, expect, it } from 'vitest';
import { smallTrace } from './fixtures/step-through-trace.ts';
import { aggregateOf, columnsOf, columnViews, gapViews, inputName, largestGradient, shownUnits, stagesOf } from './step-through-model.ts';

describe('step-through model', () => {
  const trace = smallTrace();
  const columns = columnsOf(trace);
  const stages = stagesOf(columns);

  it('draws the inputs and each dense layer, and walks forward, loss, backward from the output, update', () => {
    expect(columns.map((c) => [c.id, c.title, c.units, c.layer])).toEqual([['__input', 'Input', 2, null], ['h', 'h', 3, 0], ['output', 'Output', 2, 1]]);
    expect(columns[2]?.labels).toEqual(['no', 'yes']);
    expect(stages.map((s) => `${s.phase}:${s.column}`)).toEqual(['forward:0', 'forward:1', 'forward:2', 'loss:2', 'backward:2', 'backward:1', 'backward:0', 'update:2']);
    expect(stages.map((s) => s.title)).toEqual([
      'Forward · the inputs', 'Forward · layer h', 'Forward · the output layer', 'Loss', 'Backward · the output layer', 'Backward · layer h', 'Backward · the inputs',
      'Update',
    ]);
  });

  it('shows each layer only once the forward pass has reached it, with a and z of the shown row', () => {
    const views = columnViews(trace, columns, stages[1]!, 1);
    expect(views.map((v) => v.state)).toEqual(['done', 'current', 'future']);
    expect(views[2]?.lines).toEqual([]);
    const h = trace.forward[0]!;
    expect(views[1]?.lines[2]).toEqual([{ label: 'a', value: h.output.data[5] }, { label: 'z', value: h.z!.data[5] }]);
    expect(views[0]?.lines[1]).toEqual([{ label: 'x', value: h.input.data[3] }]);
  });

  it('shows gradients from the output back to the stage\'s layer; fused outputs show ∂L/∂z only', () => {
    const back = columnViews(trace, columns, stages[5]!, 0);
    expect(back.map((v) => [v.kind, v.state])).toEqual([['forward', 'done'], ['gradient', 'current'], ['gradient', 'done']]);
    expect(back[2]?.lines[0]?.map((l) => l.label)).toEqual(['∂L/∂z']);
    expect(back[1]?.lines[0]?.map((l) => l.label)).toEqual(['∂L/∂a', '∂L/∂z']);
    expect(columnViews(trace, columns, stages[4]!, 0)[1]?.kind).toBe('forward');
  });

  it('at the last backward stop, shows each input\'s x and the gradient reaching it, ∂L/∂x = ∂L/∂z · Wᵀ', () => {
    const stage = stages[6]!;
    const views = columnViews(trace, columns, stage, 1);
    expect(views.map((v) => [v.kind, v.state])).toEqual([['gradient', 'current'], ['gradient', 'done'], ['gradient', 'done']]);
    const g = trace.inputGradient.data;
    expect(views[0]?.lines[1]).toEqual([{ label: 'x', value: trace.forward[0]!.input.data[3] }, { label: '∂L/∂x', value: g[3] }]);
    const dz = trace.backward[1]!.dz!.data;
    const w = trace.update.tensors[0]!.before;
    expect(g[3]).toBeCloseTo(dz[3]! * w[3]! + dz[4]! * w[4]! + dz[5]! * w[5]!, 6);
    expect(Array.from(views[0]!.signed)).toEqual([g[2], g[3]]);
    expect(gapViews(trace, columns, stage).map((v) => [v.kind, v.isCurrent])).toEqual([['grad', true], ['grad', false]]);
  });

  it('colours connections by weight, gradient or change, and only the stage\'s gap at full strength', () => {
    const forward = gapViews(trace, columns, stages[1]!);
    expect(forward.map((g) => [g.kind, g.isCurrent])).toEqual([['weight', true], ['idle', false]]);
    const backward = gapViews(trace, columns, stages[4]!);
    expect(backward.map((g) => g.kind)).toEqual(['idle', 'grad']);
    expect(backward[1]?.values).toBe(trace.update.tensors[2]?.grad);
    const update = gapViews(trace, columns, stages[7]!);
    expect(update[0]?.values[0]).toBeCloseTo((trace.update.tensors[0]?.after[0] ?? 0) - (trace.update.tensors[0]?.before[0] ?? 0), 7);
  });

  it('finds the connection with the largest gradient', () => {
    const g = trace.update.tensors[0]!.grad;
    const best = Array.from(g).reduce((b, v, i) => (Math.abs(v) > Math.abs(g[b]!) ? i : b), 0);
    expect(largestGradient(trace, columns, 1)).toEqual({ column: 1, from: Math.floor(best / 3), to: best % 3 });
  });

  it('keeps every unit of a small layer, and the largest (plus the selected) of a big one with a summary', () => {
    expect(shownUnits(Float64Array.from([1, 2, 3]), 16)).toEqual([0, 1, 2]);
    const big = Float64Array.from({ length: 300 }, (_, i) => (i % 50 === 0 ? 10 + i : i / 1000));
    const shown = shownUnits(big, 8, [1]);
    expect(shown).toEqual([0, 1, 50, 100, 150, 200, 250]);
    const rest = aggregateOf(big, shown);
    expect(rest?.count).toBe(293);
    expect(rest?.max).toBeCloseTo(0.299, 9);
  });

  it('names an input that passed through batch norm as such, not as the previous layer\'s unit', () => {
    const bn = smallTrace();
    const h = bn.forward[0]!;
    bn.forward.splice(1, 0, { ...h, layerId: 'batch_norm_1', type: 'batchNorm', activation: null, formula: null, z: null, derivative: null });
    const cols = columnsOf(bn);
    expect(cols.map((c) => [c.id, c.note])).toEqual([['__input', ''], ['h', ''], ['output', 'batch norm']]);
    expect(inputName(cols, 2, 'h #2')).toBe('h #2 after batch norm');
    expect(inputName(cols, 1, 'b')).toBe('b');
  });
});
