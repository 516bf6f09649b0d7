/** Column blocks: shuffling a column's block of inputs is shuffling the raw CSV column, then preprocessing. */
import { describe, expect, it } from 'vitest';
import { applyPreprocessing, parseCsv, prepareDataset, type ParsedTable, type TableColumn } from '../data/index.ts';
import { Random } from '../random.ts';
import { columnBlocks, copyBlock, sumByColumn } from './columns.ts';
import { syntheticCsv } from './fixtures/synthetic.ts';

function permuteColumn(c: TableColumn, order: Int32Array): TableColumn {
  const pick = <T extends Float64Array | Int32Array>(a: T): T => a.map((_, i) => a[order[i]!]!) as T;
  return {
    ...c,
    numbers: pick(c.numbers),
    codes: c.codes && pick(c.codes),
    dates: c.dates && pick(c.dates),
    missing: null,
  };
}

describe('column blocks', () => {
  // Missing cells in every kind of column, so fills and missing indicators are covered too.
  const csv = syntheticCsv(40, 'classification')
    .replace(/\n([^,\n]*),([^,\n]*),u,/g, '\n,$2,,')
    .replace(/2024-03-\d\d/g, '');
  const table: ParsedTable = parseCsv(csv);
  const columns = Object.fromEntries(['a', 'cat', 'day'].map((c) => [c, { missingIndicator: true }]));
  const pre = prepareDataset(table, { target: 'target', split: { validation: 0, test: 0 }, columns }, 1).preprocessing;

  it('cover every input once, in order, one block per feature column', () => {
    const blocks = columnBlocks(pre);
    expect(blocks.map((b) => b.column)).toEqual(['a', 'b', 'cat', 'noise', 'tag', 'day']);
    expect(blocks.reduce((s, b) => s + b.width, 0)).toBe(pre.featureNames.length);
    blocks.forEach((b, i) => expect(b.start).toBe(i === 0 ? 0 : blocks[i - 1]!.start + blocks[i - 1]!.width));
    expect(blocks.find((b) => b.column === 'cat')!.width).toBeGreaterThanOrEqual(3);
    expect(
      sumByColumn(
        blocks,
        pre.featureNames.map(() => 1),
      ),
    ).toEqual(Object.fromEntries(blocks.map((b) => [b.column, b.width])));
  });

  it('shuffling a block equals shuffling the raw column and preprocessing again, for numbers, categories and dates', () => {
    const base = applyPreprocessing(pre, table).x;
    const f = pre.featureNames.length;
    for (const b of columnBlocks(pre)) {
      const order = new Random(b.start + 1).shuffle(Int32Array.from({ length: table.rows }, (_, i) => i));
      const shuffledTable = {
        ...table,
        columns: table.columns.map((c) => (c.name === b.column ? permuteColumn(c, order) : c)),
      };
      const expected = applyPreprocessing(pre, shuffledTable).x;
      const got = Float32Array.from(base);
      copyBlock(base, got, f, b, order);
      expect(Array.from(got)).toEqual(Array.from(expected));
    }
  });
});
