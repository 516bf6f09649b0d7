import { describe, expect, it } from 'vitest';
import { layoutDrawing, shownNeurons } from './layout.ts';

describe('network drawing layout', () => {
  it('draws every neuron of a small layer, and the most influential ones of a big layer', () => {
    expect(shownNeurons(4, 12, null)).toEqual([0, 1, 2, 3]);
    const importance = Float32Array.from({ length: 20 }, (_, i) => (i === 7 || i === 15 ? 10 : 1));
    const shown = shownNeurons(20, 4, importance);
    expect(shown).toHaveLength(3);
    expect(shown).toContain(7);
    expect(shown).toContain(15);
  });

  it('connects neurons with the kernel weight w[from·units + to] and summarises hidden ones', () => {
    const columns = [
      { id: 'in', title: 'Input', units: 2 },
      { id: 'd', title: 'd', units: 3 },
    ];
    const kernel = Float32Array.from([1, -2, 3, -4, 5, -6]);
    const { edges, hidden, maxWeight } = layoutDrawing(columns, [kernel], 400, 300, 12, {
      left: 10,
      right: 10,
      top: 10,
      bottom: 10,
    });
    expect(edges[0]?.map((e) => e.weight)).toEqual([1, -2, 3, -4, 5, -6]);
    expect(maxWeight).toBe(6);
    expect(hidden).toEqual([]);
    const many = layoutDrawing([{ id: 'in', title: 'Input', units: 30 }], [], 400, 300, 5, {
      left: 10,
      right: 10,
      top: 10,
      bottom: 10,
    });
    expect(many.hidden[0]?.count).toBe(26);
  });

  it('draws a layer of a billion units (as typed, before training) without listing every unit', () => {
    expect(shownNeurons(1e9, 5, null)).toEqual([0, 1, 2, 3]);
    const { neurons, hidden } = layoutDrawing(
      [
        { id: 'in', title: 'Input', units: 4 },
        { id: 'd', title: 'd', units: 1e9 },
      ],
      [null],
      400,
      300,
      5,
      { left: 10, right: 10, top: 10, bottom: 10 },
    );
    expect(neurons[1]).toHaveLength(4);
    expect(hidden[0]?.count).toBe(1e9 - 4);
  });
});
