/** Splitting CSV text into rows of cells (RFC 4180 quoting: `""` is a quote inside a quoted cell), with lines. */

/** One row and the line (from 1) it starts on. */
export interface CsvRow {
  cells: string[];
  line: number;
}

/** Where the next `,`, `\n` or `\r` is at or after `from` (text.length when none). */
function nextBreak(text: string, from: number): number {
  const re = /[,\n\r]/g;
  re.lastIndex = from;
  return re.exec(text)?.index ?? text.length;
}

/** The rows of `text`; `unclosedAt` is the line of a quote that never closes (null when every quote closes). */
export function splitCsv(text: string): { rows: CsvRow[]; unclosedAt: number | null } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  // Cells are cut with slice (not built a character at a time), so a 10 MB line costs one copy.
  while (i <= text.length) {
    let cell: string;
    if (text[i] === '"') {
      const parts: string[] = [];
      const quoteLine = line;
      let at = i + 1;
      for (;;) {
        const q = text.indexOf('"', at);
        if (q < 0) return { rows, unclosedAt: quoteLine };
        const part = text.slice(at, q);
        for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) line++;
        parts.push(part);
        if (text[q + 1] !== '"') {
          i = q + 1;
          break;
        }
        parts.push('"');
        at = q + 2;
      }
      const end = nextBreak(text, i);
      cell = parts.join('') + text.slice(i, end);
      i = end;
    } else {
      const end = nextBreak(text, i);
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(cell);
    if (i >= text.length) {
      if (!(cells.length === 1 && cells[0] === '')) rows.push({ cells, line: rowLine });
      break;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push({ cells, line: rowLine });
    cells = [];
    rowLine = ++line;
  }
  return { rows, unclosedAt: null };
}
