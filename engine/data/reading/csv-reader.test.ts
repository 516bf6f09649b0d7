import { describe, expect, test } from 'vitest';
import { createCsvReader, parseCsv, type ParsedTable } from '../index.ts';
import { cellLabel } from './column-values.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Every cell as text (null for missing), for comparing tables. */
function cells(t: ParsedTable): (string | null)[][] {
  return t.columns.map((c) => Array.from({ length: t.rows }, (_, i) => cellLabel(c, i)));
}

describe('parseCsv: format detection', () => {
  test.each([
    [',', 'a,b,c\n1,2,x\n3,4,y\n'],
    [';', 'a;b;c\n1,5;2;x\n3;4;y\n'],
    ['\t', 'a\tb\tc\n1\t2\tx\n3\t4\ty\n'],
    ['|', 'a|b|c\n1|2|x\n3|4|y\n'],
  ])('detects %j', (delimiter, text) => {
    const t = parseCsv(text);
    expect(t.delimiter).toBe(delimiter);
    expect(t.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(t.rows).toBe(2);
  });

  test('a semicolon file with decimal commas reads numbers when asked', () => {
    const t = parseCsv('x;y\n1,5;2\n3,25;4\n', { decimal: ',' });
    expect(Array.from(t.columns[0]!.numbers)).toEqual([1.5, 3.25]);
  });

  test('no header when the first row holds numbers', () => {
    const t = parseCsv('1,2,a\n3,4,b\n');
    expect(t.hasHeader).toBe(false);
    expect(t.columns.map((c) => c.name)).toEqual(['column 1', 'column 2', 'column 3']);
    expect(t.rows).toBe(2);
  });

  test('BOM, CRLF and quoted fields with delimiters, quotes and line breaks', () => {
    const t = parseCsv(bytes('\uFEFFname,note,n\r\n"Smith, J","said ""hi""\r\nthen left",1\r\nLee,,2\r\n'));
    expect(t.lineEnding).toBe('\r\n');
    expect(t.columns.map((c) => c.name)).toEqual(['name', 'note', 'n']);
    expect(cells(t)).toEqual([
      ['Smith, J', 'Lee'],
      ['said "hi"\nthen left', null],
      ['1', '2'],
    ]);
    expect(Array.from(t.lineNumbers)).toEqual([2, 4]);
  });

  test('old Mac line endings (CR only)', () => {
    const t = parseCsv('a,b\r1,2\r3,4\r');
    expect(t.lineEnding).toBe('\r');
    expect(t.rows).toBe(2);
  });

  test('missing markers, case-insensitive, plus a user list', () => {
    const t = parseCsv('v\n1\nNA\nn/a\nNaN\nnull\n?\n-\n\n  \nunknown\n-999\n', { missingValues: ['unknown', '-999'] });
    expect(t.rows).toBe(9); // blank lines are skipped, even in a one-column file
    expect(t.columns[0]!.summary.missing).toBe(8);
    expect(t.columns[0]!.summary.numbers).toBe(1);
  });

  test('blank lines are skipped but keep line numbers right', () => {
    const t = parseCsv('a,b\n1,2\n\n3,4\n');
    expect(t.rows).toBe(2);
    expect(Array.from(t.lineNumbers)).toEqual([2, 4]);
  });

  test('UTF-8 text with accents', () => {
    const t = parseCsv(bytes('city,n\nZürich,1\nSão Paulo,2\n'));
    expect(t.encoding).toBe('utf-8');
    expect(cells(t)[0]).toEqual(['Zürich', 'São Paulo']);
    expect(t.warnings).toEqual([]);
  });

  test('UTF-16 with a byte-order mark', () => {
    const text = 'a\tb\r\n1\tné\r\n';
    const buf = new Uint8Array(2 + text.length * 2);
    buf.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) buf[2 + 2 * i] = text.charCodeAt(i);
    const t = parseCsv(buf);
    expect(t.encoding).toBe('utf-16le');
    expect(cells(t)).toEqual([['1'], ['né']]);
  });
});

describe('parseCsv: column types', () => {
  test('numeric, integer (0/1 too), categorical, datetime, identifier, text, boolean (words only)', () => {
    const lines = ['x,n,flag,color,when,id,comment,yes'];
    for (let i = 0; i < 40; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(
        `${i * 0.5 + 0.25},${i % 7},${i % 2},${['red', 'green', 'blue'][i % 3]},2024-03-${day},u${1000 + i * 7},this is note number ${i},${i % 3 ? 'yes' : 'no'}`,
      );
    }
    const t = parseCsv(lines.join('\n'));
    expect(t.columns.map((c) => c.inferred.type)).toEqual([
      'numeric',
      'integer',
      'integer',
      'categorical',
      'datetime',
      'identifier',
      'text',
      'boolean',
    ]);
    expect(t.columns[5]!.inferred.exclusion).toBe('it looks like an identifier (40 different values in 40 rows)');
    expect(t.columns[6]!.inferred.exclusion).toBe('it looks like free text (40 different values in 40 rows)');
    expect(t.columns[0]!.inferred.exclusion).toBeNull();
  });

  test('a row-number column and a constant column are excluded with reasons', () => {
    const lines = ['row,k,v'];
    for (let i = 1; i <= 30; i++) lines.push(`${i},same,${(i * 37) % 11}`);
    const t = parseCsv(lines.join('\n'));
    expect(t.columns[0]!.inferred).toEqual({
      type: 'identifier',
      isConstant: false,
      exclusion: 'it looks like a row number (1, 2, 3, …)',
    });
    expect(t.columns[1]!.inferred.exclusion).toBe("it has the same value ('same') in every row");
  });
});

describe('createCsvReader: chunking never changes the result', () => {
  const text =
    'id,name,score,when\r\n' +
    Array.from(
      { length: 300 },
      (_, i) =>
        `${i},"Ünïcødé ${i}, ""q""\r\nline2",${i % 3 ? (i / 7).toFixed(3) : 'NA'},2021-0${(i % 9) + 1}-1${i % 10}`,
    ).join('\r\n') +
    '\r\n';
  const whole = parseCsv(text);

  test.each([1, 2, 3, 7, 64, 1000, 4096])('byte chunks of %i', (size) => {
    const data = bytes(text);
    let calls = 0;
    const reader = createCsvReader({ totalBytes: data.length }, () => calls++);
    for (let i = 0; i < data.length; i += size) reader.push(data.subarray(i, i + size));
    const t = reader.finish();
    expect(cells(t)).toEqual(cells(whole));
    expect(Array.from(t.lineNumbers)).toEqual(Array.from(whole.lineNumbers));
    expect(calls).toBe(Math.ceil(data.length / size));
  });

  test('progress reports bytes, rows and the fraction', () => {
    const data = bytes(text);
    const seen: number[] = [];
    const reader = createCsvReader({ totalBytes: data.length }, (p) => seen.push(p.fraction!));
    for (let i = 0; i < data.length; i += 5000) reader.push(data.subarray(i, i + 5000));
    reader.finish();
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  test('whole table: 300 rows, 2 lines each', () => {
    expect(whole.rows).toBe(300);
    expect(whole.lineNumbers[299]).toBe(2 + 299 * 2);
    expect(whole.columns[3]!.inferred.type).toBe('datetime');
  });
});
