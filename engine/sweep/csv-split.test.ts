import { describe, expect, it } from 'vitest';
import { splitCsv } from './csv-split.ts';

describe('splitCsv', () => {
  it('splits quoted cells with commas, doubled quotes and line breaks, and numbers rows by the line they start on', () => {
    expect(splitCsv('a,"b, ""c""",d\r\n"x\ny",,\nlast')).toEqual({
      rows: [
        { cells: ['a', 'b, "c"', 'd'], line: 1 },
        { cells: ['x\ny', '', ''], line: 2 },
        { cells: ['last'], line: 4 },
      ],
      unclosedAt: null,
    });
  });

  it('ends without an empty row after the last line break; an unclosed quote gives its line', () => {
    expect(splitCsv('a\n').rows).toEqual([{ cells: ['a'], line: 1 }]);
    expect(splitCsv('').rows).toEqual([]);
    expect(splitCsv('a\nb,"c\n\nd').unclosedAt).toBe(2);
  });
});
