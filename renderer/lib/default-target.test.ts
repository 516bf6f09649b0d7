import { describe, expect, it } from 'vitest';
import type { ColumnInfo, TableInfo } from '../../engine/protocol.ts';
import { defaultTarget } from './default-target.ts';

function table(cols: [string, ColumnInfo['type'], string | null][]): TableInfo {
  const columns = cols.map(([name, type, exclusion]) => ({
    name, type, exclusion, missing: 0, distinct: 3, min: null, max: null, mean: null, std: null, histogram: [], topCategories: [],
  }));
  return { name: 't.csv', rows: 10, columns } as unknown as TableInfo;
}

describe('the target a new table starts with', () => {
  it("takes the sample's known target when the table has it", () => {
    expect(defaultTarget(table([['a', 'numeric', null], ['species', 'categorical', null]]), 'a')).toBe('a');
  });
  it('skips a last column of dates (they cannot be predicted) for the last predictable one', () => {
    expect(defaultTarget(table([['x', 'numeric', null], ['species', 'categorical', null], ['measured', 'datetime', null]]), null)).toBe('species');
  });
  it('skips columns left out of training (identifiers)', () => {
    expect(defaultTarget(table([['y', 'numeric', null], ['id', 'integer', 'looks like a row id']]), null)).toBe('y');
  });
  it('falls back to the last usable column, then the last column, when nothing is predictable', () => {
    expect(defaultTarget(table([['when', 'datetime', null], ['note', 'text', 'free text']]), null)).toBe('when');
    expect(defaultTarget(table([['note', 'text', 'free text']]), null)).toBe('note');
  });
});
