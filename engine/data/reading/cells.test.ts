import { describe, expect, test } from 'vitest';
import { parseDate, parseNumber } from './cells.ts';

describe('parseNumber', () => {
  test('agrees with Number() on plain decimals, bit for bit', () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 20000; i++) {
      const digits = 1 + Math.floor(rnd() * 15);
      const s = (rnd() < 0.5 ? '-' : '') + (rnd() * 10 ** digits).toFixed(Math.floor(rnd() * 8));
      expect(Object.is(parseNumber(s, false), Number(s))).toBe(true);
    }
  });

  test.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['.5', 0.5],
    ['+7', 7],
    ['1.', 1],
    ['1e-3', 0.001],
    ['12345678901234567890', 12345678901234567000],
    ['0x1F', NaN],
    ['Infinity', NaN],
    ['1e999', NaN],
    ['-', NaN],
    ['.', NaN],
    ['1,5', NaN],
    ['12abc', NaN],
    ['', NaN],
  ])('%j → %d', (s, n) => {
    expect(parseNumber(s, false)).toBe(n);
  });

  test('decimal comma when asked', () => {
    expect(parseNumber('1,5', true)).toBe(1.5);
  });
});

describe('parseDate', () => {
  test.each([
    ['2024-01-31', Date.UTC(2024, 0, 31)],
    ['2024/1/5', Date.UTC(2024, 0, 5)],
    ['2024-01-31T10:20:30Z', Date.UTC(2024, 0, 31, 10, 20, 30)],
    ['2024-01-31 10:20', Date.UTC(2024, 0, 31, 10, 20)],
    ['2024-01-31T10:20:30.5+02:00', Date.UTC(2024, 0, 31, 8, 20, 30, 500)],
    ['2021-02-30', NaN],
    ['2024-13-01', NaN],
    ['31/01/2024', NaN],
    ['2024-01', NaN],
  ])('%j', (s, t) => {
    expect(parseDate(s)).toBe(t);
  });
});
