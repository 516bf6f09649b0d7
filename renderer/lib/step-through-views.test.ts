import { describe, expect, it } from 'vitest';
import { smallTrace } from './fixtures/step-through-trace.ts';
import { columnsOf, stagesOf } from './step-through-model.ts';
import { columnViews, gapViews } from './step-through-views.ts';

describe('step-through views', () => {
  const trace = smallTrace();
  const columns = columnsOf(trace);
  const stages = stagesOf(columns);

  it('shows each layer only once the forward pass has reached it, with a and z of the shown row', () => {
    const views = columnViews(trace, columns, stages[1]!, 1);
    expect(views.map((v) => v.state)).toEqual(['done', 'current', 'future']);
    expect(views[2]?.lines).toEqual([]);
    const h = trace.forward[0]!;
    expect(views[1]?.lines[2]).toEqual([
      { label: 'a', value: h.output.data[5] },
      { label: 'z', value: h.z!.data[5] },
    ]);
    expect(views[0]?.lines[1]).toEqual([{ label: 'x', value: h.input.data[3] }]);
  });

  it("shows gradients from the output back to the stage's layer; fused outputs show ∂L/∂z only", () => {
    const back = columnViews(trace, columns, stages[5]!, 0);
    expect(back.map((v) => [v.kind, v.state])).toEqual([
      ['forward', 'done'],
      ['gradient', 'current'],
      ['gradient', 'done'],
    ]);
    expect(back[2]?.lines[0]?.map((l) => l.label)).toEqual(['∂L/∂z']);
    expect(back[1]?.lines[0]?.map((l) => l.label)).toEqual(['∂L/∂a', '∂L/∂z']);
    expect(columnViews(trace, columns, stages[4]!, 0)[1]?.kind).toBe('forward');
  });

  it("at the last backward stop, shows each input's x and the gradient reaching it, ∂L/∂x = ∂L/∂z · Wᵀ", () => {
    const stage = stages[6]!;
    const views = columnViews(trace, columns, stage, 1);
    expect(views.map((v) => [v.kind, v.state])).toEqual([
      ['gradient', 'current'],
      ['gradient', 'done'],
      ['gradient', 'done'],
    ]);
    const g = trace.inputGradient.data;
    expect(views[0]?.lines[1]).toEqual([
      { label: 'x', value: trace.forward[0]!.input.data[3] },
      { label: '∂L/∂x', value: g[3] },
    ]);
    const dz = trace.backward[1]!.dz!.data;
    const w = trace.update.tensors[0]!.before;
    expect(g[3]).toBeCloseTo(dz[3]! * w[3]! + dz[4]! * w[4]! + dz[5]! * w[5]!, 6);
    expect(Array.from(views[0]!.signed)).toEqual([g[2], g[3]]);
    expect(gapViews(trace, columns, stage).map((v) => [v.kind, v.isCurrent])).toEqual([
      ['grad', true],
      ['grad', false],
    ]);
  });

  it("colours connections by weight, gradient or change, and only the stage's gap at full strength", () => {
    const forward = gapViews(trace, columns, stages[1]!);
    expect(forward.map((g) => [g.kind, g.isCurrent])).toEqual([
      ['weight', true],
      ['idle', false],
    ]);
    const backward = gapViews(trace, columns, stages[4]!);
    expect(backward.map((g) => g.kind)).toEqual(['idle', 'grad']);
    expect(backward[1]?.values).toBe(trace.update.tensors[2]?.grad);
    const update = gapViews(trace, columns, stages[7]!);
    expect(update[0]?.values[0]).toBeCloseTo(
      (trace.update.tensors[0]?.after[0] ?? 0) - (trace.update.tensors[0]?.before[0] ?? 0),
      7,
    );
  });
});
