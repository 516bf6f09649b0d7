import { describe, expect, it } from 'vitest';
import { placeShadow } from './dnd.ts';

interface Item {
  id: string;
  isDndShadowItem?: boolean;
}
const a: Item = { id: 'a' };
const b: Item = { id: 'b' };
const c: Item = { id: 'c' };
const shadow: Item = { id: 'shadow', isDndShadowItem: true };
const ids = (xs: Item[]): string[] => xs.map((x) => x.id);

describe('placeShadow', () => {
  // Cards a, b, c with middles at 25, 85, 145 (50 px cards, 10 px gaps).
  const middles = [25, 85, 145];
  it('opens the gap under the pointer, not at the top', () => {
    expect(ids(placeShadow([shadow, a, b, c], middles, 40))).toEqual(['a', 'shadow', 'b', 'c']);
    expect(ids(placeShadow([shadow, a, b, c], middles, 10))).toEqual(['shadow', 'a', 'b', 'c']);
    expect(ids(placeShadow([a, shadow, b, c], middles, 200))).toEqual(['a', 'b', 'c', 'shadow']);
  });
  it('leaves a list without a placeholder as it is', () => {
    expect(ids(placeShadow([a, b], [25, 85], 40))).toEqual(['a', 'b']);
  });
});
