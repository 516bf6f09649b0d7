import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutralizeFormula } from './csv-cell.ts';

describe('spreadsheet-safe CSV cells', () => {
  it('neutralizes text a spreadsheet would run as a formula, with a leading single quote', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('+SUM(A1:A9)')).toBe("'+SUM(A1:A9)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
  });
  it('keeps numbers as numbers, also negative ones and ones written as text', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell('+1e-3')).toBe('+1e-3');
    expect(csvCell(NaN)).toBe('');
    expect(neutralizeFormula('setosa')).toBe('setosa');
  });
  it('quotes after neutralizing, doubling quotes, for the given delimiter', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvLine(['=1', 2, null, 'x,y'])).toBe('\'=1,2,,"x,y"');
  });
});
