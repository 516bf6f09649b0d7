import { describe, expect, it } from 'vitest';
import type { ColumnView, StepColumn } from '../../../lib/step-through-model.ts';
import { pillWidth, share, unitName } from './marks.ts';

function view(state: ColumnView['state'], kind: ColumnView['kind']): ColumnView {
  return { state, kind, lines: [], magnitude: new Float64Array(0), signed: new Float64Array(0) };
}

describe('step-through drawing marks', () => {
  it('scales a value by the square root of its share of the largest, capped at 1', () => {
    expect(share(-4, 16)).toBe(0.5);
    expect(share(32, 16)).toBe(1);
    expect(share(3, 0)).toBe(0);
  });

  it('sizes the value box by what the column shows, smaller when compact, none for a future column', () => {
    expect(pillWidth(undefined, false)).toBe(0);
    expect(pillWidth(view('future', 'gradient'), false)).toBe(0);
    expect([pillWidth(view('done', 'gradient'), false), pillWidth(view('current', 'update'), false)]).toEqual([96, 84]);
    expect(pillWidth(view('done', 'forward'), false)).toBe(74);
    expect([80, 70, 62]).toEqual(
      (['gradient', 'update', 'forward'] as const).map((k) => pillWidth(view('done', k), true)),
    );
  });

  it('names a unit by its label, else by its column and 1-based index', () => {
    const columns: StepColumn[] = [
      { id: '__input', title: 'Inputs', units: 2, labels: ['petal', 'sepal'], layer: null, note: '', isOutput: false },
      { id: 'dense_1', title: 'Dense 1', units: 3, labels: [], layer: 0, note: '', isOutput: false },
    ];
    expect(unitName(columns, 0, 1)).toBe('sepal');
    expect(unitName(columns, 1, 2)).toBe('Dense 1 unit 3');
    expect(unitName(columns, 5, 0)).toBe('');
  });
});
