import { describe, expect, it } from 'vitest';
import { gridCsv, tableGrid, type CellInput, type RowInput } from './table-grid.ts';

const td = (text: string, span: Partial<CellInput> = {}): CellInput => ({
  text,
  rowSpan: 1,
  colSpan: 1,
  isHeader: false,
  hasTable: false,
  ...span,
});
const th = (text: string, span: Partial<CellInput> = {}): CellInput => td(text, { isHeader: true, ...span });
const row = (cells: CellInput[], inHead = false): RowInput => ({ cells, inHead });

describe('tableGrid', () => {
  it('takes the first row as names when nothing marks a header', () => {
    expect(tableGrid([row([td('a'), td('b')]), row([td('1,234'), td('12 %')])])).toEqual({
      ok: true,
      names: ['a', 'b'],
      rows: [['1,234', '12 %']],
    });
  });

  it('takes every <thead> row, or the leading rows of <th> only, as the header', () => {
    const thead = tableGrid([row([td('x')], true), row([td('unit')], true), row([td('3')])]);
    expect(thead).toEqual({ ok: true, names: ['x unit'], rows: [['3']] });
    const ths = tableGrid([row([th('name'), th('score')]), row([th('Ann'), td('3')])]);
    expect(ths).toEqual({ ok: true, names: ['name', 'score'], rows: [['Ann', '3']] });
  });

  it('names grouped header columns by their group and their own header, and repeats a row span down', () => {
    const grid = tableGrid([
      row([th('region', { rowSpan: 2 }), th('temperature', { colSpan: 2 })], true),
      row([th('min'), th('max')], true),
      row([td('North', { rowSpan: 2 }), td('-3'), td('11')]),
      row([td('-1'), td('14')]),
    ]);
    expect(grid).toEqual({
      ok: true,
      names: ['region', 'temperature min', 'temperature max'],
      rows: [
        ['North', '-3', '11'],
        ['North', '-1', '14'],
      ],
    });
  });

  it('pads short rows, and a row span past the last row stops there', () => {
    expect(tableGrid([row([td('a'), td('b'), td('c')]), row([td('1', { rowSpan: 9 })])])).toEqual({
      ok: true,
      names: ['a', 'b', 'c'],
      rows: [['1', '', '']],
    });
  });

  it('refuses what cannot be one grid, saying where', () => {
    expect(
      tableGrid([row([th('name'), th('score')]), row([td('Group A', { colSpan: 2 })]), row([td('Ann'), td('3')])]),
    ).toEqual({
      ok: false,
      message:
        "Row 2 of this table has a cell spanning 2 columns ('Group A', from column 1), so its values do not line up with the " +
        'columns. Open a table without such rows, or save the data as CSV and import it.',
    });
    expect(tableGrid([row([th('a'), th('b')]), row([td('x'), td('', { hasTable: true })])])).toEqual({
      ok: false,
      message:
        'This table has another table inside its cell at row 2, column 2, so its rows cannot be read as one grid. Select ' +
        'text in the inner table to open that one, or save the data as CSV and import it.',
    });
    expect(tableGrid([row([]), row([])])).toEqual({
      ok: false,
      message: 'This table has no rows with cells. Choose a table that holds data.',
    });
    expect(tableGrid([row([th('a'), th('b')], true)])).toEqual({
      ok: false,
      message: 'This table has a header (2 columns) but no data rows below it. Choose a table that holds data.',
    });
  });
});

describe('gridCsv', () => {
  it('writes a header line and rows, quoting what a CSV reader would split', () => {
    expect(
      gridCsv(
        ['name', 'note'],
        [
          ['Ann', 'a, b'],
          ['Bo "B"', ' x'],
          ['line\nbreak', '1,234'],
        ],
        1000,
      ),
    ).toEqual({ csv: 'name,note\nAnn,"a, b"\n"Bo ""B"""," x"\n"line\nbreak","1,234"\n' });
  });

  it('gives the size in UTF-8 bytes of a table over the limit instead of its text', () => {
    // 'é' is two bytes: the header line 'é' + newline is 3 bytes, each row 'é' + newline 3 more.
    expect(gridCsv(['é'], [['é'], ['é']], 8)).toEqual({ tooLarge: 9 });
    expect(gridCsv(['é'], [['é'], ['é']], 9)).toEqual({ csv: 'é\né\né\n' });
  });
});
