/** Statistics over the non-missing (non-NaN) values of selected rows, for fitting on the training split. */

/** The non-NaN values of `values` at `rows`. */
export function observed(values: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]!]!;
    if (v === v) out[n++] = v;
  }
  return out.subarray(0, n);
}

/** Arithmetic mean; NaN when empty. */
export function mean(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return v.length ? s / v.length : NaN;
}

/** Population standard deviation: sqrt(Σ(v − mean)² / n); NaN when empty. */
export function std(v: Float64Array, m = mean(v)): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i]! - m) * (v[i]! - m);
  return v.length ? Math.sqrt(s / v.length) : NaN;
}

/** Median (mean of the two middle values for an even count); NaN when empty. */
export function median(v: Float64Array): number {
  if (v.length === 0) return NaN;
  const s = Float64Array.from(v).sort();
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Most frequent value, the smallest on a tie; NaN when empty. */
export function mostFrequent(v: Float64Array): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < v.length; i++) counts.set(v[i]!, (counts.get(v[i]!) ?? 0) + 1);
  let best = NaN;
  let bestCount = 0;
  for (const [value, c] of counts) {
    if (c > bestCount || (c === bestCount && value < best)) {
      best = value;
      bestCount = c;
    }
  }
  return best;
}

/** Smallest and largest value; NaN for both when empty. */
export function range(v: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) {
    if (v[i]! < min) min = v[i]!;
    if (v[i]! > max) max = v[i]!;
  }
  return v.length ? { min, max } : { min: NaN, max: NaN };
}
