import { describe, expect, it } from 'vitest';
import { typedArrayBytes } from './memory.ts';

describe('typedArrayBytes', () => {
  it('sums the typed arrays reachable from the roots, each buffer once, strings and single numbers not counted', () => {
    const weights = new Float32Array(10);
    const model = {
      weights: [{ data: weights, shape: 10 }],
      history: [{ loss: 1, layers: [{ id: 'a' }] }],
      name: 'x'.repeat(1000),
    };
    const optimizer = { m: [new Float32Array(10)], v: [new Float32Array(10)] };
    expect(typedArrayBytes([model])).toBe(40);
    expect(typedArrayBytes([model, optimizer])).toBe(120);
    // The same weights seen from the run and from its model count once.
    expect(typedArrayBytes([model, { weights }])).toBe(40);
  });

  it("counts a plain number array (a model file's weights) at 8 bytes a number", () => {
    expect(
      typedArrayBytes([{ layer: 'h1', name: 'kernel', shape: [2, 3], data: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] }]),
    ).toBe(8 * 8);
  });

  it('counts a view by its whole buffer, follows maps, and stops at cycles', () => {
    const buffer = new ArrayBuffer(64);
    const a: Record<string, unknown> = { x: new Int32Array(buffer, 0, 2), y: new Uint8Array(buffer, 8, 4) };
    a.self = a;
    expect(typedArrayBytes([new Map([['k', a]])])).toBe(64);
  });

  it('shares what was counted across calls through `seen`', () => {
    const seen = new Set<ArrayBufferLike>();
    const data = new Float64Array(4);
    expect(typedArrayBytes([data], seen)).toBe(32);
    expect(typedArrayBytes([{ data }], seen)).toBe(0);
  });
});
