import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCommaNumber } from './decimal-comma.ts';
import { createCsvReader, parseCsv, prepareDataset, profileTable, type ParsedTable } from '../index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const column = (t: ParsedTable, name: string) => t.columns.find((c) => c.name === name)!;
const numbers = (t: ParsedTable, name: string) => Array.from(column(t, name).numbers);
const messages = (t: ParsedTable) => t.warnings.map((w) => w.message);

describe('parseCommaNumber', () => {
  test.each([
    ['5,1', 5.1, null, true],
    ['-0,25', -0.25, null, true],
    [',5', 0.5, null, true],
    ['1234,5', 1234.5, null, true],
    ['0,500', 0.5, null, true],
    ['1.234,5', 1234.5, '.', true],
    ['1 234,56', 1234.56, ' ', true],
    ['-1\u00a0234\u00a0567,8', -1234567.8, ' ', true],
    ['1,500', 1.5, null, false], // the comma could separate thousands
    ['1.234.567', 1234567, '.', false],
  ])('%j → %d', (s, value, thousands, isSurelyDecimal) => {
    expect(parseCommaNumber(s)).toMatchObject({ value, thousands, isSurelyDecimal });
  });

  test.each(['12', '3.5', '1,2,3', '1.23,4', '1.234 567,8', '01.234,5', '5,1a', 'abc', '', ',', '-', '1 2,5'])(
    '%j is not one',
    (s) => {
      expect(parseCommaNumber(s)).toBeNull();
    },
  );
});

describe('parseCsv: decimal comma detection', () => {
  test('a semicolon file: every decimal-comma column is numeric, and each one says so', () => {
    const t = parseCsv(fixture('decimal-comma.csv'));
    expect(t.delimiter).toBe(';');
    expect(t.columns.map((c) => c.inferred.type)).toEqual(['numeric', 'numeric', 'numeric', 'integer', 'categorical']);
    expect(numbers(t, 'sepal_length')).toEqual([5.1, 4.9, 7, 6.4, 6.3, 5.8]);
    expect(numbers(t, 'price')).toEqual([1234.5, 999.99, 2500, 1050, 875.25, 1999.9]);
    expect(column(t, 'price').format).toEqual({
      decimalComma: true,
      thousands: '.',
      dateOrder: null,
      dateOrderAssumed: false,
    });
    expect(column(t, 'price').vocabulary).toEqual([]);
    expect(column(t, 'stock').format).toBeNull();
    expect(messages(t)).toEqual([
      "Column 'sepal_length' uses a decimal comma ('5,1' at row 2 read as 5.1).",
      "Column 'sepal_width' uses a decimal comma ('3,5' at row 2 read as 3.5).",
      "Column 'price' uses a decimal comma and '.' between thousands ('1.234,50' at row 2 read as 1234.5).",
    ]);
    expect(t.warnings[0]).toMatchObject({ code: 'data/decimal-comma', path: "column 'sepal_length'" });
  });

  test('a space between thousands', () => {
    const t = parseCsv('amount;n\n1 234,5;1\n12,25;2\n-3 000;3\n');
    expect(numbers(t, 'amount')).toEqual([1234.5, 12.25, -3000]);
    expect(messages(t)).toEqual([
      "Column 'amount' uses a decimal comma and a space between thousands ('1 234,5' at row 2 read as 1234.5).",
    ]);
  });

  test('the profile lists what was detected, and training reads the numbers', () => {
    const t = parseCsv(fixture('decimal-comma.csv'));
    const p = profileTable(t, { target: 'species' });
    expect(p.columns.find((c) => c.name === 'sepal_width')!.format).toMatchObject({ decimalComma: true });
    expect(p.readingWarnings.map((w) => w.code)).toEqual([
      'data/decimal-comma',
      'data/decimal-comma',
      'data/decimal-comma',
    ]);
    const d = prepareDataset(t, { target: 'species', split: { validation: 0, test: 0 } }, 1);
    // stock is missing in 1 of 6 rows, over 5%: a "was missing" feature by default
    expect(d.featureNames).toEqual(['sepal_length', 'sepal_width', 'price', 'stock', 'stock:missing']);
    expect(d.preprocessing.features[2]).toMatchObject({
      kind: 'number',
      center: (1234.5 + 999.99 + 2500 + 1050 + 875.25 + 1999.9) / 6,
    });
  });

  test('without a header row, `5,1;3,5` is semicolon-delimited', () => {
    const t = parseCsv('5,1;3,5;1,4\n4,9;3,0;1,4\n');
    expect(t.delimiter).toBe(';');
    expect(t.hasHeader).toBe(false);
    expect(numbers(t, 'column 1')).toEqual([5.1, 4.9]);
  });

  test('a comma-delimited file is never reinterpreted, even with quoted decimal commas', () => {
    const t = parseCsv('x,y\n"5,1",1\n"4,9",2\n');
    expect(column(t, 'x').vocabulary).toEqual(['5,1', '4,9']);
    expect(column(t, 'x').format).toBeNull();
    expect(t.warnings).toEqual([]);
  });

  test("the user's decimal separator wins: '.' turns detection off", () => {
    const t = parseCsv(fixture('decimal-comma.csv'), { decimal: '.' });
    expect(column(t, 'sepal_length').inferred.type).toBe('categorical');
    expect(column(t, 'price').format).toBeNull();
    expect(t.warnings).toEqual([]);
  });

  test('text with commas stays text', () => {
    const t = parseCsv('name;n\nSmith, J;1\nLee, K;2\n');
    expect(column(t, 'name').vocabulary).toEqual(['Smith, J', 'Lee, K']);
    expect(t.warnings).toEqual([]);
  });

  test('stray text is allowed as in any number column, and reported by the profile', () => {
    const lines = ['x;y', ...Array.from({ length: 19 }, (_, i) => `${i},5;${i}`), 'unknown;20'];
    const t = parseCsv(lines.join('\n'));
    expect(column(t, 'x').inferred.type).toBe('numeric');
    expect(profileTable(t).warnings.map((w) => w.message)).toEqual([
      "Column 'x' holds numbers, but 1 row has text instead (row 21: 'unknown'). They are treated as missing; fix them in the file if they are real numbers (for a decimal comma, set the decimal separator to ',').",
    ]);
  });

  test('decimal commas next to decimal points: nothing becomes a number silently', () => {
    const t = parseCsv('x;n\n3.5;1\n4.25;2\n5,1;3\n');
    expect(numbers(t, 'x')).toEqual([3.5, 4.25, NaN]);
    expect(column(t, 'x').vocabulary).toEqual(['5,1']);
    expect(messages(t)).toEqual([
      "Column 'x' mixes decimal separators: '5,1' (row 4) has a decimal comma but '3.5' (row 2) a decimal point, so the values with a comma were not read as numbers. Write all its numbers with the same separator.",
    ]);
    expect(t.warnings[0]!.path).toBe("row 4, column 'x'");
  });

  test("'.' and a space both between thousands", () => {
    const t = parseCsv('x;n\n1.234,5;1\n1 234,5;2\n');
    expect(column(t, 'x').inferred.type).toBe('categorical');
    expect(messages(t)).toEqual([
      "Column 'x' mixes thousands separators: '1.234,5' (row 2) uses '.' but '1 234,5' (row 3) a space, so it was not read with a decimal comma. Write all its numbers the same way.",
    ]);
  });

  test("a bare '1.234' next to decimal commas could be either", () => {
    const t = parseCsv('x;n\n5,1;1\n1.234;2\n');
    expect(numbers(t, 'x')).toEqual([NaN, 1.234]);
    expect(messages(t)).toEqual([
      "Column 'x' has a decimal comma ('5,1', row 2) but also '1.234' (row 3), which is 1.234 with a decimal point or 1234 with '.' between thousands, so it was not read with a decimal comma. Write '1.234' as 1234 or 1,234, whichever it means.",
    ]);
  });

  test("commas that could separate thousands ('1,500') stay text until the user chooses", () => {
    const text = 'x;n\n1,500;1\n2,750;2\n3;3\n';
    const t = parseCsv(text);
    expect(column(t, 'x').vocabulary).toEqual(['1,500', '2,750']);
    expect(messages(t)).toEqual([
      "Column 'x' has values like '1,500' (row 2) whose comma could be a decimal comma (1.5) or separate thousands (1500), so they were read as text. Set the decimal separator to ',' if it is a decimal comma, or remove the thousands separators from the file.",
    ]);
    expect(numbers(parseCsv(text, { decimal: ',' }), 'x')).toEqual([1.5, 2.75, 3]);
  });

  test("a decimal separator set to ',' also reads thousands separators, as detection does", () => {
    const detected = parseCsv(fixture('decimal-comma.csv'));
    const set = parseCsv(fixture('decimal-comma.csv'), { decimal: ',' });
    for (const name of ['sepal_length', 'sepal_width', 'price', 'stock'])
      expect(numbers(set, name)).toEqual(numbers(detected, name));
    expect(numbers(parseCsv('x;n\n2.500;1\n1 234,5;2\n1.234.567;3\n3.5;4\n0.125;5\n', { decimal: ',' }), 'x')).toEqual([
      2500, 1234.5, 1234567, 3.5, 0.125,
    ]);
  });

  test("'1,500' next to '2.5' reads as a thousands comma: no decimal comma is reported", () => {
    const t = parseCsv('x;n\n1,500;1\n2.5;2\n3.25;3\n');
    expect(column(t, 'x').format).toBeNull();
    expect(t.warnings).toEqual([]);
  });

  test('missing values, numeric missing markers and blank cells stay missing', () => {
    const t = parseCsv('x;n\n5,1;1\nNA;2\n;3\n-999,0;4\n', { missingValues: ['-999'] });
    expect(numbers(t, 'x')).toEqual([5.1, NaN, NaN, NaN]);
    expect(column(t, 'x').summary.missing).toBe(3);
  });

  test('chunking never changes the result', () => {
    const text =
      'a;b\n' +
      Array.from(
        { length: 500 },
        (_, i) => `${i},${i % 10};${i % 3 ? `1.${String(i).padStart(3, '0')},5` : 'NA'}`,
      ).join('\n');
    const whole = parseCsv(text);
    const reader = createCsvReader();
    for (let i = 0; i < text.length; i += 7) reader.push(text.slice(i, i + 7));
    const t = reader.finish();
    expect(numbers(t, 'a')).toEqual(numbers(whole, 'a'));
    expect(numbers(t, 'b')).toEqual(numbers(whole, 'b'));
    expect(numbers(whole, 'b').slice(0, 3)).toEqual([NaN, 1001.5, 1002.5]);
    expect(messages(t)).toEqual(messages(whole));
  });

  test('more distinct values than a vocabulary keeps are all read', () => {
    const rows = 120_000;
    const lines = ['x;k'];
    for (let i = 0; i < rows; i++) lines.push(`${i},${i % 7};${i % 2}`);
    const t = parseCsv(lines.join('\n'));
    const x = column(t, 'x');
    expect(x.summary).toMatchObject({ numbers: rows, texts: 0, vocabularyOverflow: false });
    expect(x.codes).toBeNull();
    expect(x.numbers[119_999]).toBe(119_999.5);
  });
});
