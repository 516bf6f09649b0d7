import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isCsvReading, parseCsv, prepareDataset, readingOptions } from '../index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));

describe('ParsedTable.reading: the decimal separator and date order in effect', () => {
  test.each([
    ['decimal-comma.csv', {}, { decimal: ',', dateOrder: null }],
    ['decimal-comma.csv', { decimal: '.' as const }, { decimal: '.', dateOrder: null }],
    ['day-first-dates.csv', {}, { decimal: '.', dateOrder: 'dayFirst' }],
    ['day-first-dates.csv', { dateOrder: 'monthFirst' as const }, { decimal: '.', dateOrder: 'monthFirst' }],
    // Proof of both orders leaves the column as text: no order was used.
    ['mixed-date-orders.csv', {}, { decimal: '.', dateOrder: null }],
    ['mixed-date-orders.csv', { dateOrder: 'dayFirst' as const }, { decimal: '.', dateOrder: 'dayFirst' }],
  ])('%s read with %j', (name, options, reading) => {
    expect(parseCsv(fixture(name), options).reading).toEqual(reading);
  });

  test('detected per column: month-first proven, all-ambiguous assumed day-first, and columns that disagree', () => {
    expect(parseCsv('when;x\n12/31/2023;1,5\n01/02/2023;2\n').reading).toEqual({
      decimal: ',',
      dateOrder: 'monthFirst',
    });
    expect(parseCsv('when,x\n01/02/2023,1\n03/04/2023,2\n').reading).toEqual({ decimal: '.', dateOrder: 'dayFirst' });
    expect(parseCsv('a,b\n31/12/2023,12/31/2023\n01/02/2023,01/02/2023\n').reading).toEqual({
      decimal: '.',
      dateOrder: null,
    });
    expect(parseCsv('a,b\n1,x\n2,y\n', { decimal: ',' }).reading).toEqual({ decimal: ',', dateOrder: null });
  });

  test('the prepared dataset carries it, for the model file', () => {
    const t = parseCsv('when,y\n12/31/2023,a\n01/02/2023,b\n02/03/2023,a\n04/05/2023,b\n');
    expect(prepareDataset(t, { target: 'y', split: { validation: 0, test: 0 } }, 1).reading).toEqual({
      decimal: '.',
      dateOrder: 'monthFirst',
    });
  });
});

describe('readingOptions and isCsvReading', () => {
  test('a stored reading becomes reader options; no date order is left to detection', () => {
    expect(readingOptions({ decimal: ',', dateOrder: 'monthFirst' })).toEqual({
      decimal: ',',
      dateOrder: 'monthFirst',
    });
    expect(readingOptions({ decimal: '.', dateOrder: null })).toEqual({ decimal: '.' });
  });

  test.each([
    [{ decimal: '.', dateOrder: null }, true],
    [{ decimal: ',', dateOrder: 'dayFirst' }, true],
    [{ decimal: ';', dateOrder: null }, false],
    [{ decimal: ',', dateOrder: 'day-first' }, false],
    [{ decimal: ',' }, false],
    [null, false],
    [[], false],
  ])('%j → %s', (v, ok) => {
    expect(isCsvReading(v)).toBe(ok);
  });
});
