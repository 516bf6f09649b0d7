import { describe, expect, it } from 'vitest';
import { parseCsv, prepareDataset, profileTable } from '../../../engine/data/index.ts';
import { tableInfo } from '../../../engine/worker/table-store.ts';
import penguinsRawCsv from '../../../engine/data/fixtures/penguins-raw.csv?raw';
import { panelWarnings } from './warnings.ts';

describe('the dataset panel lists each warning once, for the current settings (issue 12)', () => {
  const parsed = parseCsv(penguinsRawCsv);
  const table = tableInfo('penguins_raw.csv', parsed, profileTable(parsed)).warnings;
  const prepared = (ignore: boolean) =>
    prepareDataset(parsed, { target: 'Species', columns: ignore ? { Comments: { role: 'ignore' } } : {} }, 1).warnings;
  const missing = (ws: { message: string }[]) => ws.filter((w) => w.message.startsWith('84% of'));

  it("'84% missing' for Comments shows once while it is a feature", () => {
    expect(missing([...table, ...prepared(false)])).toHaveLength(2); // what the panel listed before
    expect(missing(panelWarnings(table, prepared(false))).map((w) => w.message)).toEqual([
      "84% of column 'Comments' is missing; the missing values are a category of their own ('missing'). Ignore the column if the rest adds little.",
    ]);
  });

  it('and goes away once the column is ignored', () => {
    expect(missing(panelWarnings(table, prepared(true)))).toEqual([]);
  });

  it('before settings are prepared, the table warnings show as they are', () => {
    expect(panelWarnings(table, null)).toEqual(table);
  });
});
