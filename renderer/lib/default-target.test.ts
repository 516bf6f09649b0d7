import { describe, expect, it } from 'vitest';
import { parseCsv, profileTable } from '../../engine/data/index.ts';
import type { ColumnInfo, TableInfo } from '../../engine/protocol/index.ts';
import { tableInfo } from '../../engine/worker/table-store.ts';
import penguinsRawCsv from '../../engine/data/fixtures/penguins-raw.csv?raw';
import { chooseTarget, defaultTarget, targetNote } from './default-target.ts';

function table(cols: [string, ColumnInfo['type'], string | null][]): TableInfo {
  const columns = cols.map(([name, type, exclusion]) => ({
    name,
    type,
    exclusion,
    missing: 0,
    distinct: 3,
    min: null,
    max: null,
    mean: null,
    std: null,
    histogram: [],
    topCategories: [],
  }));
  return { name: 't.csv', rows: 10, columns } as unknown as TableInfo;
}

describe('the target a new table starts with', () => {
  it("takes the sample's known target when the table has it", () => {
    expect(
      defaultTarget(
        table([
          ['a', 'numeric', null],
          ['species', 'categorical', null],
        ]),
        'a',
      ),
    ).toBe('a');
  });
  it('skips a last column of dates (they cannot be predicted) for the last predictable one', () => {
    expect(
      defaultTarget(
        table([
          ['x', 'numeric', null],
          ['species', 'categorical', null],
          ['measured', 'datetime', null],
        ]),
        null,
      ),
    ).toBe('species');
  });
  it('skips columns left out of training (identifiers)', () => {
    expect(
      defaultTarget(
        table([
          ['y', 'numeric', null],
          ['id', 'integer', 'looks like a row id'],
        ]),
        null,
      ),
    ).toBe('y');
  });
  it('falls back to the last usable column, then the last column, when nothing is predictable', () => {
    expect(
      defaultTarget(
        table([
          ['when', 'datetime', null],
          ['note', 'text', 'free text'],
        ]),
        null,
      ),
    ).toBe('when');
    expect(defaultTarget(table([['note', 'text', 'free text']]), null)).toBe('note');
  });
});

describe('penguins_raw-like data: a free-text, mostly missing last column', () => {
  const parsed = parseCsv(penguinsRawCsv);
  const raw = tableInfo('penguins_raw.csv', parsed, profileTable(parsed));

  it("does not pick 'Comments' (84% missing); picks 'Species' by its name and says why", () => {
    expect(defaultTarget(raw, null)).toBe('Species');
    expect(chooseTarget(raw).doubt).toBe(
      "The last column, 'Comments', is not used as the target because 84% of its values are missing; 'Species' was chosen by its name. Choose the column you want to predict.",
    );
    expect(targetNote(raw, 'Species')).toBe(chooseTarget(raw).doubt);
  });

  it('says so when the user picks a doubtful target', () => {
    expect(targetNote(raw, 'Comments')).toBe(
      "'Comments' may not be a good target: 84% of its values are missing. Choose the column you want to predict.",
    );
    expect(targetNote(raw, 'Individual ID')).toMatch(
      /^'Individual ID' may not be a good target: it looks like an identifier/,
    );
    expect(targetNote(raw, 'Island')).toBeNull();
  });

  it('without a target-like name, takes the last good column; a mostly present sentence column is free text', () => {
    const sentences = table([
      ['x', 'numeric', null],
      ['score', 'numeric', null],
      ['note', 'categorical', null],
    ]);
    sentences.columns[2]!.topCategories = [
      { value: 'Seen twice at dawn.', count: 5 },
      { value: 'Not seen this year.', count: 4 },
    ];
    expect(chooseTarget(sentences)).toEqual({
      name: 'score',
      doubt:
        "The last column, 'note', is not used as the target because its values look like free text (sentences); 'score' was chosen as the last column that can be one. Choose the column you want to predict.",
    });
  });

  it('a good last column is taken without a note', () => {
    expect(
      chooseTarget(
        table([
          ['x', 'numeric', null],
          ['species', 'categorical', null],
        ]),
      ),
    ).toEqual({ name: 'species', doubt: null });
  });
});
