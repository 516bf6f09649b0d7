import { describe, expect, test } from 'vitest';
import { parseCsv, prepareDataset } from '../index.ts';

const num = (csv: string, column = 0): number[] => Array.from(parseCsv(csv).columns[column]!.numbers);

describe('infinite values among numbers read as missing, with a warning naming the cells', () => {
  const csv = 'x,y\n1.5,a\ninf,b\n2.5,a\n-inf,b\n3,a\n1e309,b\n4,a\n-Infinity,b\n';

  test('the column stays numeric and every such cell is missing', () => {
    const t = parseCsv(csv);
    const x = t.columns[0]!;
    expect(x.inferred).toEqual({ type: 'numeric', isConstant: false, exclusion: null });
    expect(Array.from(x.numbers)).toEqual([1.5, NaN, 2.5, NaN, 3, NaN, 4, NaN]);
    expect(x.summary.missing).toBe(4);
    expect(x.vocabulary).toEqual([]);
  });

  test('the warning names the column, the rows and the values', () => {
    expect(parseCsv(csv).warnings.map((w) => w.message)).toEqual([
      "Column 'x' has 4 values that are not finite numbers (row 3: 'inf', row 5: '-inf', row 7: '1e309', …); they are read as missing. Replace them with a number in the file if they are real values.",
    ]);
    expect(parseCsv(csv).warnings[0]!.path).toBe("row 3, column 'x'");
  });

  test('a 400-digit number is infinite too; one cell is named in the singular', () => {
    const t = parseCsv(`x,y\n1,a\n${'9'.repeat(400)},b\n2,a\n`);
    expect(num(`x,y\n1,a\n${'9'.repeat(400)},b\n2,a\n`)).toEqual([1, NaN, 2]);
    expect(t.warnings.map((w) => w.message)).toEqual([
      `Column 'x' has 1 value that is not a finite number (row 3: '${'9'.repeat(400)}'); it is read as missing. Replace it with a number in the file if it is a real value.`,
    ]);
  });

  test("a column without numbers keeps 'inf' as text", () => {
    const t = parseCsv('kind,y\ninf,a\nsup,b\ninf,a\n');
    expect(t.columns[0]!.vocabulary).toEqual(['inf', 'sup']);
    expect(t.warnings).toEqual([]);
  });
});

describe("quoted numbers with ',' between thousands in a comma-delimited file", () => {
  test('read as numbers when the whole column groups its thousands, with a note', () => {
    const t = parseCsv('price,y\n"69,748",a\n950,b\n"1,234,567.5",a\n-12,b\n"-2,000",a\n');
    expect(Array.from(t.columns[0]!.numbers)).toEqual([69748, 950, 1234567.5, -12, -2000]);
    expect(t.columns[0]!.inferred.type).toBe('numeric');
    expect(t.columns[0]!.format).toEqual({
      decimalComma: false,
      thousands: ',',
      dateOrder: null,
      dateOrderAssumed: false,
    });
    expect(t.warnings.map((w) => w.message)).toEqual([
      "Column 'price' uses ',' between thousands ('69,748' at row 2 read as 69748). If ',' is a decimal comma there, set the decimal separator to ','.",
    ]);
  });

  test('left as text, with a warning naming both cells, when some large numbers are not grouped', () => {
    const t = parseCsv('price,y\n"69,748",a\n950,b\n12345,a\n');
    expect(t.columns[0]!.vocabulary).toEqual(['69,748']);
    expect(t.warnings.map((w) => w.message)).toEqual([
      "Column 'price' writes some numbers with ',' between thousands ('69,748', row 2) and some without ('12345', row 4), so the ones with ',' were read as text. Write all its numbers the same way, best without separators.",
    ]);
  });

  test('a text column with commas stays text; a decimal-comma file keeps its own reading', () => {
    const t = parseCsv('note,y\n"1,000 apples",a\n"pears, 2",b\n');
    expect(t.columns[0]!.vocabulary).toEqual(['1,000 apples', 'pears, 2']);
    expect(t.warnings).toEqual([]);
    expect(num('x;y\n1,5;a\n2,25;b\n')).toEqual([1.5, 2.25]);
  });
});

describe('prepareDataset lists every column it leaves out, with the reason', () => {
  test('identifiers, constants and ignored columns, in table order', () => {
    const lines = ['id,same,x,z,y'];
    for (let i = 0; i < 30; i++) lines.push(`u${i * 7},k,${i % 5},${i % 3},${i % 2 ? 'a' : 'b'}`);
    const d = prepareDataset(parseCsv(lines.join('\n')), { target: 'y', columns: { z: { role: 'ignore' } } }, 1);
    expect(d.featureNames).toEqual(['x']);
    expect(d.leftOut).toEqual([
      { column: 'id', reason: 'it looks like an identifier (30 different values in 30 rows)' },
      { column: 'same', reason: "it has the same value ('k') in every row" },
      { column: 'z', reason: 'its role is set to ignore' },
    ]);
  });
});
