import { afterEach, describe, expect, test, vi } from 'vitest';
import { renameDuplicates } from './header-names.ts';
import { parseCsv } from '../index.ts';
import { MAX_COLUMNS } from './row-sink.ts';

/** How many name lookups `renameDuplicates(names)` makes: the work, counted rather than timed. */
function lookups(names: string[]): number {
  const has = vi.spyOn(Set.prototype, 'has');
  renameDuplicates(names);
  const calls = has.mock.calls.length;
  has.mockRestore();
  return calls;
}

afterEach(() => vi.restoreAllMocks());

describe('duplicate header names are renamed in linear time', () => {
  test('50,000 columns named a become a, a_2 … a_50000, with a constant number of lookups per column', () => {
    const names = Array.from({ length: 50_000 }, () => 'a');
    const count = lookups([...names]);
    renameDuplicates(names);
    expect(new Set(names).size).toBe(50_000);
    expect(names.slice(0, 3)).toEqual(['a', 'a_2', 'a_3']);
    expect(names.at(-1)).toBe('a_50000');
    expect(count).toBeLessThanOrEqual(3 * 50_000);
  });

  test('names that already take the suffixes are skipped once, not once per repeat', () => {
    const taken = Array.from({ length: 25_000 }, (_, i) => `a_${i + 2}`);
    const names = ['a', ...taken, ...Array.from({ length: 25_000 }, () => 'a')];
    const count = lookups([...names]);
    renameDuplicates(names);
    expect(new Set(names).size).toBe(names.length);
    expect(names[25_001]).toBe('a_25002');
    expect(count).toBeLessThanOrEqual(3 * names.length);
  });

  test('a repeat skips a name a later column has; empty names are left for the reader', () => {
    const names = ['a', 'a', 'a_2', '', ''];
    expect(renameDuplicates(names)).toEqual([{ index: 1, original: 'a', name: 'a_3' }]);
    expect(names).toEqual(['a', 'a_3', 'a_2', '', '']);
  });
});

describe('the reader with very many columns', () => {
  test('50,000 same-named columns: unique names, five named warnings and one that counts the rest', () => {
    const t = parseCsv(`${Array(50_000).fill('a').join(',')}\n${Array(50_000).fill('1').join(',')}\n`);
    expect(new Set(t.columns.map((c) => c.name)).size).toBe(50_000);
    const renames = t.warnings.filter((w) => w.code === 'data/duplicate-header');
    expect(renames).toHaveLength(6);
    expect(renames[5]!.message).toBe(
      '49,994 more columns have the name of an earlier column (first column 7); each was renamed the same way, with the next free _2, _3, … suffix. Give the columns different names in the file to choose your own.',
    );
  });

  test('49,999 unnamed columns are named column 1 … column 49999, five named warnings and one that counts the rest', () => {
    const t = parseCsv(`${Array(49_999).fill('').join(',')},x\n${Array(50_000).fill('1').join(',')}\n`);
    expect(t.columns.map((c) => c.name).slice(0, 2)).toEqual(['column 1', 'column 2']);
    expect(t.columns.map((c) => c.name).slice(-2)).toEqual(['column 49999', 'x']);
    expect(new Set(t.columns.map((c) => c.name)).size).toBe(50_000);
    const unnamed = t.warnings.filter((w) => w.code === 'data/empty-header');
    expect(unnamed).toHaveLength(6);
    expect(unnamed[5]!.message).toBe(
      "49,994 more columns have no name in the header row (first column 6); each was named 'column N' after its position. Give them names in the file to choose your own.",
    );
  });

  test('a 10 MB single line that splits into millions of values is refused with the count and the limit', () => {
    const line = Array(5_000_000).fill('a').join(',');
    expect(() => parseCsv(line)).toThrow(
      `Row 1 has 5,000,000 values; at most ${MAX_COLUMNS.toLocaleString('en-US')} columns can be read. Check that the delimiter is right (this may not be a CSV file), or keep only the columns you need.`,
    );
  });
});
