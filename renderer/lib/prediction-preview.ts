/** The first rows of a predicted CSV, cut down to what the Export view previews. */

/** The prediction columns of the first rows: `prediction` and one probability per class. */
export interface PredictionPreview {
  header: string[];
  rows: string[][];
}

/**
 * Reads the last `1 + classes` values of the header and the first five rows (the engine appends the
 * prediction columns at the end of each line). Fractions are rounded to 3 decimals; `probability_x`
 * headers read `P(x)`.
 */
export function previewOf(csv: string, classes: number): PredictionPreview {
  const lines = csv.split('\n').slice(0, 6);
  const width = 1 + classes;
  const tail = (line: string): string[] =>
    line
      .split(/[,;\t|]/)
      .slice(-width)
      .map((v) => {
        const n = Number(v);
        return v !== '' && Number.isFinite(n) && !Number.isInteger(n) ? n.toFixed(3) : v;
      });
  const header = tail(lines[0] ?? '').map((h) => h.replace(/^probability_(.*)$/, 'P($1)'));
  return {
    header,
    rows: lines
      .slice(1)
      .filter((l) => l !== '')
      .map(tail),
  };
}
