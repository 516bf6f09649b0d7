/** "Nice" axis ticks for the hand-drawn SVG charts. */

/** About `count` round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** The range of `values` and the width of each of `bins` equal bins; null when there are no values. */
function binning(values: ArrayLike<number>, bins: number): { min: number; width: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max >= min ? { min, width: (max - min) / bins || 1 } : null;
}

/** The bin of each value in `histogram(values, bins)` (so a clicked bar lists exactly the values it counts). */
export function binOf(values: ArrayLike<number>, bins: number): Int32Array {
  const b = binning(values, bins);
  return Int32Array.from({ length: values.length }, (_, i) =>
    b ? Math.min(bins - 1, Math.floor((values[i]! - b.min) / b.width)) : 0,
  );
}

/** Equal-width histogram of `values` in `bins` bins. */
export function histogram(values: ArrayLike<number>, bins: number): { from: number; to: number; count: number }[] {
  const b = binning(values, bins);
  if (!b) return [];
  const counts = new Array<number>(bins).fill(0);
  for (const k of binOf(values, bins)) counts[k]!++;
  return counts.map((count, k) => ({ from: b.min + k * b.width, to: b.min + (k + 1) * b.width, count }));
}
