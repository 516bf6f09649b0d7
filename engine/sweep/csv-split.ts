/** Splitting CSV text into rows of cells (RFC 4180 quoting: `""` is a quote inside a quoted cell), with lines. */

/** One row and the line (from 1) it starts on. */
export interface CsvRow {
  cells: string[];
  line: number;
}

/** The rows of `text`; `unclosedAt` is the line of a quote that never closes (null when every quote closes). */
export function splitCsv(text: string): { rows: CsvRow[]; unclosedAt: number | null } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      rowLine = ++line;
    } else cell += c;
  }
  if (quoted) return { rows, unclosedAt: quoteLine };
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return { rows, unclosedAt: null };
}
