import { describe, expect, it } from 'vitest';
import { stableJson } from './stable-json.ts';

describe('stableJson', () => {
  it('ignores key order and undefined fields', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: undefined } })).toBe(stableJson({ a: { d: 2 }, b: 1 }));
  });
  it('tells different values apart', () => {
    expect(stableJson({ learningRate: 1e30 })).not.toBe(stableJson({ learningRate: 0.01 }));
    expect(stableJson([1, 2])).not.toBe(stableJson([2, 1]));
  });
});
