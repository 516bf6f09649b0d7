import { describe, expect, it } from 'vitest';
import { smallTrace } from '../../../lib/fixtures/step-through-trace.ts';
import { columnsOf, stagesOf } from '../../../lib/step-through-model.ts';
import { columnViews, gapViews } from '../../../lib/step-through-views.ts';
import { layoutStep, marginsFor, MAX_SHOWN } from './layout.ts';

describe('step-through drawing layout', () => {
  it("places every neuron of small layers and connects them with the stage's values", () => {
    const trace = smallTrace();
    const columns = columnsOf(trace);
    const stage = stagesOf(columns)[4]!;
    const l = layoutStep(columns, columnViews(trace, columns, stage, 0), gapViews(trace, columns, stage), 900);
    expect(l.units.map((u) => u.length)).toEqual([2, 3, 2]);
    expect(l.aggregates).toEqual([]);
    expect(l.edges[1]).toHaveLength(6);
    expect(l.edges[1]?.find((e) => e.from === 2 && e.to === 1)?.value).toBe(trace.update.tensors[2]?.grad[2 * 2 + 1]);
    expect(l.maxPerGap[1]).toBeCloseTo(Math.max(...Array.from(trace.update.tensors[2]!.grad, Math.abs)), 7);
  });

  it("summarises a big layer, keeping the selected connection's ends", () => {
    const columns = [
      { id: '__input', title: 'Input', units: 2, labels: ['a', 'b'], layer: null, note: '', isOutput: false },
      { id: 'h', title: 'h', units: 200, labels: [], layer: 0, note: '', isOutput: true },
    ];
    const magnitude = Float64Array.from({ length: 200 }, (_, i) => i);
    const views = [
      {
        state: 'done' as const,
        kind: 'forward' as const,
        lines: [],
        magnitude: new Float64Array(2),
        signed: new Float64Array(2),
      },
      { state: 'current' as const, kind: 'forward' as const, lines: [], magnitude, signed: magnitude },
    ];
    const l = layoutStep(columns, views, [{ kind: 'weight', isCurrent: true, values: new Float32Array(400) }], 900, [
      { column: 1, index: 3 },
    ]);
    expect(l.units[1]).toHaveLength(MAX_SHOWN - 1);
    expect(l.units[1]?.map((u) => u.index)).toContain(3);
    expect(l.units[1]?.map((u) => u.index)).toContain(199);
    expect(l.aggregates[0]?.count).toBe(200 - (MAX_SHOWN - 1));
    expect(l.edges[0]).toHaveLength(2 * (MAX_SHOWN - 1));
  });

  it('leaves room for the input names and the output labels', () => {
    const columns = columnsOf(smallTrace());
    const wide = [{ ...columns[0]!, labels: ['a_very_long_feature_name_here'] }, ...columns.slice(1)];
    expect(marginsFor(wide, 0).left).toBeGreaterThan(marginsFor(columns, 0).left);
    expect(marginsFor(columns, 70).right).toBeGreaterThanOrEqual(200);
  });
});
