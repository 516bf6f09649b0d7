/** Messages about reading a CSV file: its bytes, quotes, header and rows. */
import { fmt, mebibytes, plural, listRows, p } from './text.ts';

/** The csv catalog: each entry returns a `Problem`; codes are stable, messages may be reworded. */
export const csvMessages = {
  emptyFile: () =>
    p('empty-file', '', 'The file is empty. Choose a CSV file that has a header row and at least one row of data.'),
  headerOnly: (columns: number) =>
    p(
      'header-only',
      'row 2',
      `The file has a header row (${plural(columns, 'column')}) but no data rows. Add rows of data below the header.`,
    ),
  binaryFile: () =>
    p(
      'binary-file',
      '',
      'This file is not text: it contains binary bytes, so it is not a CSV file. Export the data as CSV (comma-separated values) and open that file.',
    ),
  utf16WithoutBom: () =>
    p(
      'utf16-without-bom',
      '',
      'This file looks like UTF-16 text without a byte-order mark, which cannot be read reliably. Save it as "CSV UTF-8" and open it again.',
    ),
  notUtf8: (row: number) =>
    p(
      'not-utf8',
      `row ${row}`,
      `The file is not valid UTF-8 (first at row ${fmt(row)}), so from there on it was read as Windows-1252 (Latin-1). If accented letters look wrong, save the file as "CSV UTF-8" and open it again.`,
    ),
  badDelimiter: (given: string) =>
    p('bad-delimiter', 'delimiter', `'${given}' cannot be used as a delimiter. Choose one of ',', ';', tab or '|'.`),
  unclosedQuote: (row: number) =>
    p(
      'unclosed-quote',
      `row ${row}`,
      `Row ${row} has a quote (") that is never closed, so everything after it would be read as one value. Close the quote or remove it, then open the file again.`,
    ),
  malformedQuote: (row: number) =>
    p(
      'malformed-quote',
      `row ${row}`,
      `Row ${row} has text right after the closing quote of a quoted value, so the values after it cannot be split reliably. Put the whole value in quotes and double any quote inside it ("Smith ""Jr"""), or remove the quotes.`,
    ),
  raggedRows: (rows: readonly number[], got: readonly number[], expected: number, count: number) =>
    p(
      'ragged-rows',
      `row ${rows[0]}`,
      count === 1
        ? `Row ${rows[0]} has ${plural(got[0]!, 'value')} but the header has ${plural(expected, 'column')}. Fix the row in the file, or choose "skip malformed rows".`
        : `${fmt(count)} rows do not have the ${fmt(expected)} values the header has (${rows.map((r, i) => `row ${r} has ${got[i]}`).join(', ')}${count > rows.length ? ', …' : ''}). Fix those rows in the file, or choose "skip malformed rows".`,
    ),
  allRowsRagged: (rows: readonly number[], got: readonly number[], expected: number, count: number) =>
    p(
      'ragged-rows',
      `row ${rows[0]}`,
      `None of the ${plural(count, 'data row')} has the ${fmt(expected)} values the header has (${rows.map((r, i) => `row ${r} has ${got[i]}`).join(', ')}${count > rows.length ? ', …' : ''}), so nothing is left after skipping them. Check the header row and the delimiter.`,
    ),
  skippedRows: (rows: readonly number[], count: number, expected: number) =>
    p(
      'skipped-rows',
      `row ${rows[0]}`,
      `Skipped ${plural(count, 'row')} that do${count === 1 ? 'es' : ''} not have ${fmt(expected)} values (first at ${listRows(rows)}).`,
    ),
  trailingDelimiter: (rows: number) =>
    p(
      'trailing-delimiter',
      '',
      `${plural(rows, 'row ends', 'rows end')} with an extra delimiter; the empty value after it was ignored.`,
    ),
  emptyHeader: (index: number, name: string) =>
    p(
      'empty-header',
      `column ${index + 1}`,
      `Column ${index + 1} has no name in the header row, so it was named '${name}'. Give it a name in the file to choose your own.`,
    ),
  duplicateHeader: (index: number, original: string, name: string) =>
    p(
      'duplicate-header',
      `column ${index + 1}`,
      `Column ${index + 1} has the same name as an earlier column ('${original}'), so it was renamed '${name}'. Give the columns different names in the file to choose your own.`,
    ),
  moreDuplicateHeaders: (count: number, index: number) =>
    p(
      'duplicate-header',
      `column ${index + 1}`,
      `${plural(count, 'more column has', 'more columns have')} the name of an earlier column (first column ${fmt(index + 1)}); each was renamed the same way, with the next free _2, _3, … suffix. Give the columns different names in the file to choose your own.`,
    ),
  moreEmptyHeaders: (count: number, index: number) =>
    p(
      'empty-header',
      `column ${index + 1}`,
      `${plural(count, 'more column has', 'more columns have')} no name in the header row (first column ${fmt(index + 1)}); each was named 'column N' after its position. Give them names in the file to choose your own.`,
    ),
  fileTooLarge: (name: string, bytes: number, max: number) =>
    p(
      'file-too-large',
      '',
      `'${name}' is ${mebibytes(bytes)}; the studio reads at most ${mebibytes(max)}. Split the file or sample its rows, then open the part you need.`,
    ),
  tooManyColumns: (columns: number, max: number, row: number) =>
    p(
      'too-many-columns',
      `row ${row}`,
      `Row ${row} has ${fmt(columns)} values; at most ${fmt(max)} columns can be read. Check that the delimiter is right (this may not be a CSV file), or keep only the columns you need.`,
    ),
};
