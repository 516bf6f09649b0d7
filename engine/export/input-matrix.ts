/** The model's input matrix as CSV: the one writer of `transform`'s output. */

/** Shortest decimal text that reads back (through float32) as exactly `v`. */
export function float32Text(v: number): string {
  if (v !== v) return 'NaN';
  if (v === 0) return '0';
  for (let p = 1; p < 9; p++) {
    const s = String(Number(v.toPrecision(p)));
    if (Math.fround(Number(s)) === v) return s;
  }
  return String(Number(v.toPrecision(9)));
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Header of feature names, then one line per row of `x` (rows × names.length, row-major). */
export function inputMatrixCsv(featureNames: readonly string[], x: Float32Array, rows: number): string {
  const width = featureNames.length;
  const lines = [featureNames.map(csvCell).join(',')];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = new Array<string>(width);
    for (let c = 0; c < width; c++) cells[c] = float32Text(x[r * width + c]!);
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
