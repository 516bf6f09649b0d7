/** Which of a model's inputs come from which original CSV column (a one-hot column or a date gives several). */
import { transformNames, type Preprocessing } from '../data/index.ts';

/** The inputs one original column becomes: x[row·inputs + start … start + width − 1]. */
export interface ColumnBlock {
  column: string;
  start: number;
  width: number;
}

/** One block per feature column, in input order (the order preprocessing writes them). */
export function columnBlocks(pre: Preprocessing): ColumnBlock[] {
  const blocks: ColumnBlock[] = [];
  let start = 0;
  for (const t of pre.features) {
    const width = transformNames(t).length;
    blocks.push({ column: t.column, start, width });
    start += width;
  }
  return blocks;
}

/** Per column, the sum of `values` (one per input) over the column's inputs. */
export function sumByColumn(blocks: readonly ColumnBlock[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const b of blocks) {
    let s = 0;
    for (let i = b.start; i < b.start + b.width; i++) s += values[i]!;
    out[b.column] = s;
  }
  return out;
}

/**
 * Write block `b` of every row of `from` into `to` (both rows × `inputs`), row i taking row `order[i]`'s
 * values (row i's own when `order` is null): a shuffle of one column's inputs, the other columns untouched.
 */
export function copyBlock(
  from: Float32Array,
  to: Float32Array,
  inputs: number,
  b: ColumnBlock,
  order: Int32Array | null,
): void {
  const rows = from.length / inputs;
  for (let i = 0; i < rows; i++) {
    const src = (order ? order[i]! : i) * inputs + b.start;
    to.set(from.subarray(src, src + b.width), i * inputs + b.start);
  }
}
