import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dayMonthDate, parseDayMonth } from './day-month-dates.ts';
import { parseCsv, prepareDataset, profileTable, type ParsedTable } from '../index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const column = (t: ParsedTable, name: string) => t.columns.find((c) => c.name === name)!;
const isoDates = (t: ParsedTable, name: string) =>
  Array.from(column(t, name).dates ?? [], (d) => (d === d ? new Date(d).toISOString().replace(':00.000Z', '') : null));
const messages = (t: ParsedTable) => t.warnings.map((w) => w.message);

describe('parseDayMonth and dayMonthDate', () => {
  test.each([
    ['31/12/2023', Date.UTC(2023, 11, 31), NaN],
    ['12/31/2023', NaN, Date.UTC(2023, 11, 31)],
    ['01/02/2023', Date.UTC(2023, 1, 1), Date.UTC(2023, 0, 2)],
    ['1.2.2023 13:05:30', Date.UTC(2023, 1, 1, 13, 5, 30), Date.UTC(2023, 0, 2, 13, 5, 30)],
    ['29-02-2024 08:00:00.25', Date.UTC(2024, 1, 29, 8, 0, 0, 250), NaN],
    ['05/06/2023 1:05 PM', Date.UTC(2023, 5, 5, 13, 5), Date.UTC(2023, 4, 6, 13, 5)],
    ['05/06/2023 12:30am', Date.UTC(2023, 5, 5, 0, 30), Date.UTC(2023, 4, 6, 0, 30)],
    ['31/02/2023', NaN, NaN],
  ])('%j reads day-first %d, month-first %d', (s, dayFirst, monthFirst) => {
    const packed = parseDayMonth(s);
    expect(dayMonthDate(packed, 'dayFirst')).toBe(dayFirst);
    expect(dayMonthDate(packed, 'monthFirst')).toBe(monthFirst);
  });

  test.each([
    '31/31/2023',
    '1/2/23',
    '2023/01/02',
    '01/02-2023',
    '00/01/2023',
    '01/02/2023 24:00',
    '01/02/2023 13:00 PM',
    '1/2/2023x',
  ])('%j is no such date', (s) => {
    expect(parseDayMonth(s)).toBeNaN();
  });
});

describe('parseCsv: day-first and month-first dates', () => {
  test('a day above 12 makes the column day-first, with any of / . - as separator', () => {
    const t = parseCsv(fixture('day-first-dates.csv'));
    const date = column(t, 'date');
    expect(date.inferred.type).toBe('datetime');
    expect(date.format).toEqual({
      decimalComma: false,
      thousands: null,
      dateOrder: 'dayFirst',
      dateOrderAssumed: false,
    });
    expect(isoDates(t, 'date')).toEqual([
      '2023-01-03T00:00',
      '2023-01-14T00:00',
      '2023-02-02T00:00',
      '2023-02-28T00:00',
      '2023-03-05T00:00',
    ]);
    expect(date.codes).toBeNull();
    expect(messages(t)).toEqual(["Column 'date' has day-first dates ('14/01/2023' at row 3 read as 2023-01-14)."]);
    expect(t.warnings[0]).toMatchObject({ code: 'data/date-order', path: "column 'date'" });
  });

  test('a second part above 12 makes it month-first', () => {
    const t = parseCsv('when,n\n01/02/2023 10:30,1\n12/31/2023 1:05 PM,2\n');
    expect(isoDates(t, 'when')).toEqual(['2023-01-02T10:30', '2023-12-31T13:05']);
    expect(column(t, 'when').format).toMatchObject({ dateOrder: 'monthFirst', dateOrderAssumed: false });
    expect(messages(t)).toEqual([
      "Column 'when' has month-first dates ('12/31/2023 1:05 PM' at row 3 read as 2023-12-31T13:05:00Z).",
    ]);
  });

  test('when no part is above 12, day-first is assumed and the warning says how to change it', () => {
    const t = parseCsv('when;n\n05/05/2023;1\n01/02/2023;2\n03/04/2023;3\n');
    expect(isoDates(t, 'when')).toEqual(['2023-05-05T00:00', '2023-02-01T00:00', '2023-04-03T00:00']);
    expect(column(t, 'when').format).toMatchObject({ dateOrder: 'dayFirst', dateOrderAssumed: true });
    expect(messages(t)).toEqual([
      "Column 'when' has dates such as '01/02/2023' (row 3) that could be day-first or month-first (no part is above 12); they were read day-first, as 2023-02-01. If they are month-first, set the date order to month-first, or write the dates as YYYY-MM-DD.",
    ]);
    expect(t.warnings[0]).toMatchObject({ code: 'data/date-order-assumed', path: "column 'when'" });
  });

  test('dates that read the same either way (05/05) need no warning', () => {
    const t = parseCsv('when,n\n05/05/2023,1\n11/11/2023,2\n');
    expect(isoDates(t, 'when')).toEqual(['2023-05-05T00:00', '2023-11-11T00:00']);
    expect(t.warnings).toEqual([]);
  });

  test("the user's date order wins, without a warning", () => {
    const t = parseCsv('when;n\n01/02/2023;1\n03/04/2023;2\n', { dateOrder: 'monthFirst' });
    expect(isoDates(t, 'when')).toEqual(['2023-01-02T00:00', '2023-03-04T00:00']);
    expect(column(t, 'when').format).toMatchObject({ dateOrder: 'monthFirst', dateOrderAssumed: false });
    expect(t.warnings).toEqual([]);
  });

  test('a date that does not exist in the chosen order stays text, and the profile names it', () => {
    const lines = [
      'when,n',
      ...Array.from({ length: 19 }, (_, i) => `${String(i + 1).padStart(2, '0')}/03/2023,${i % 5}`),
      '30/02/2023,19',
    ];
    const t = parseCsv(lines.join('\n'));
    expect(column(t, 'when').inferred.type).toBe('datetime');
    expect(column(t, 'when').vocabulary).toEqual(['30/02/2023']);
    expect(profileTable(t).warnings.map((w) => w.message)).toEqual([
      "Column 'when' holds dates, but 1 row has text instead (row 21: '30/02/2023'). They are treated as missing; fix them in the file if they are real dates (such as 2024-01-31).",
    ]);
  });

  test('both orders in one column: it stays text, and the warning says why', () => {
    const t = parseCsv(fixture('mixed-date-orders.csv'));
    const date = column(t, 'date');
    expect(date.inferred.type).toBe('categorical');
    expect(date.dates).toBeNull();
    expect(date.format).toBeNull();
    expect(date.vocabulary).toEqual(['03/01/2023', '31/01/2023', '02/14/2023', '28/02/2023', '05/03/2023']);
    expect(messages(t)).toEqual([
      "Column 'date' has dates in both orders: '31/01/2023' (row 3) can only be day-first and '02/14/2023' (row 4) only month-first, so the column was read as text. Write all its dates the same way, best as YYYY-MM-DD.",
    ]);
    expect(t.warnings[0]).toMatchObject({ code: 'data/mixed-date-orders', path: "row 4, column 'date'" });
  });

  test('a text column with the odd date in it stays text', () => {
    const t = parseCsv('note,n\nmet on 31/12/2023,1\n31/12/2023,2\ncall back,3\n');
    expect(column(t, 'note').dates).toBeNull();
    expect(t.warnings).toEqual([]);
  });

  test('ISO dates and day-first dates in one column are all dates', () => {
    const t = parseCsv('when,n\n2023-12-30,1\n31/12/2023,2\n');
    expect(isoDates(t, 'when')).toEqual(['2023-12-30T00:00', '2023-12-31T00:00']);
  });

  test('a first row of dates is data, not a header', () => {
    const t = parseCsv('31/12/2023,5\n01/01/2024,6\n');
    expect(t.hasHeader).toBe(false);
    expect(isoDates(t, 'column 1')).toEqual(['2023-12-31T00:00', '2024-01-01T00:00']);
  });

  test('training splits a day-first column into date parts', () => {
    const t = parseCsv(fixture('day-first-dates.csv'));
    const d = prepareDataset(t, { target: 'weekday', split: { validation: 0, test: 0 } }, 1);
    // every date is in 2023, so the year (a constant input) is left out
    expect(d.featureNames).toEqual(['date:month', 'date:dayOfWeek', 'date:dayOfYear', 'visits']);
  });

  test('more distinct date-times than a vocabulary keeps are all read', () => {
    const rows = 110_000;
    const lines = ['when,n'];
    const start = Date.UTC(2020, 0, 1);
    for (let i = 0; i < rows; i++) {
      const d = new Date(start + i * 60_000);
      const p2 = (n: number) => String(n).padStart(2, '0');
      lines.push(
        `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())},${i % 2}`,
      );
    }
    const when = column(parseCsv(lines.join('\n')), 'when');
    expect(when.summary).toMatchObject({ dates: rows, texts: 0, vocabularyOverflow: false });
    expect(when.dates![rows - 1]).toBe(start + (rows - 1) * 60_000);
  });
});
