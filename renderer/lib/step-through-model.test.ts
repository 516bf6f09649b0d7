import { describe, expect, it } from 'vitest';
import { smallTrace } from './fixtures/step-through-trace.ts';
import { aggregateOf, columnsOf, inputName, largestGradient, shownUnits, stagesOf } from './step-through-model.ts';

describe('step-through model', () => {
  const trace = smallTrace();
  const columns = columnsOf(trace);
  const stages = stagesOf(columns);

  it('draws the inputs and each dense layer, and walks forward, loss, backward from the output, update', () => {
    expect(columns.map((c) => [c.id, c.title, c.units, c.layer])).toEqual([
      ['__input', 'Input', 2, null],
      ['h', 'h', 3, 0],
      ['output', 'Output', 2, 1],
    ]);
    expect(columns[2]?.labels).toEqual(['no', 'yes']);
    expect(stages.map((s) => `${s.phase}:${s.column}`)).toEqual([
      'forward:0',
      'forward:1',
      'forward:2',
      'loss:2',
      'backward:2',
      'backward:1',
      'backward:0',
      'update:2',
    ]);
    expect(stages.map((s) => s.title)).toEqual([
      'Forward · the inputs',
      'Forward · layer h',
      'Forward · the output layer',
      'Loss',
      'Backward · the output layer',
      'Backward · layer h',
      'Backward · the inputs',
      'Update',
    ]);
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

  it("names an input that passed through batch norm as such, not as the previous layer's unit", () => {
    const bn = smallTrace();
    const h = bn.forward[0]!;
    bn.forward.splice(1, 0, {
      ...h,
      layerId: 'batch_norm_1',
      type: 'batchNorm',
      activation: null,
      formula: null,
      z: null,
      derivative: null,
    });
    const cols = columnsOf(bn);
    expect(cols.map((c) => [c.id, c.note])).toEqual([
      ['__input', ''],
      ['h', ''],
      ['output', 'batch norm'],
    ]);
    expect(inputName(cols, 2, 'h #2')).toBe('h #2 after batch norm');
    expect(inputName(cols, 1, 'b')).toBe('b');
  });
});
