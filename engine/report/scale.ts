/** Axis arithmetic of the report's charts: data ranges to pixels, and round tick values. */

/** A linear map from a data range onto a pixel range. */
export interface Scale {
  min: number;
  max: number;
  at: (v: number) => number;
  ticks: number[];
}

/** About `count` round values (1, 2 or 5 × 10ⁿ apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** The range of finite values, widened when empty or a single value, and padded by `pad` of its width. */
export function extent(values: Iterable<number>, pad = 0.04): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - (Math.abs(lo) || 1) * 0.5, hi + (Math.abs(hi) || 1) * 0.5];
  const p = (hi - lo) * pad;
  return [lo - p, hi + p];
}

/** A scale of [min, max] onto pixels [from, to] (to may be below from, as for a y axis). */
export function linearScale(min: number, max: number, from: number, to: number, tickCount = 5): Scale {
  const span = max - min || 1;
  return { min, max, at: (v) => from + ((v - min) / span) * (to - from), ticks: niceTicks(min, max, tickCount) };
}

/** At most `limit` items, evenly spaced, keeping the first and last: how many points a chart draws. */
export function thin<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  return Array.from({ length: limit }, (_, i) => items[Math.round((i * (items.length - 1)) / (limit - 1))]!);
}
