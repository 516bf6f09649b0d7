/** The loss chart's per-batch line: running means within each epoch, broken between epochs. */
import type { ChartTable } from '../../ui/LineChart/types.ts';

/**
 * The per-batch samples as a chart table with a gap (an explicit null) between epochs. Each sample is the mean
 * loss of the epoch so far, so it starts again every epoch; drawn across epochs (or across the long stretches a
 * fast run sends no sample for) it made a straight dashed diagonal that showed nothing. An epoch with a single
 * sample has no line to draw and is left out. `x` is fractional epochs (epoch − 1 + batch / batches).
 */
export function batchTable(x: readonly number[], loss: readonly number[]): ChartTable {
  const epochs: { x: number[]; y: number[] }[] = [];
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] ?? 0;
    const last = epochs.at(-1);
    if (last && Math.ceil(last.x[0] ?? 0) === Math.ceil(xi)) {
      last.x.push(xi);
      last.y.push(loss[i] ?? Number.NaN);
    } else {
      epochs.push({ x: [xi], y: [loss[i] ?? Number.NaN] });
    }
  }
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  for (const e of epochs.filter((s) => s.x.length > 1)) {
    const prev = xs.at(-1);
    const first = e.x[0] ?? 0;
    if (prev !== undefined) {
      xs.push((prev + first) / 2);
      ys.push(null);
    }
    xs.push(...e.x);
    ys.push(...e.y);
  }
  return { x: xs, ys: [ys] };
}
