/** Rows that can be scored: those whose target is known (not NaN: not missing, not an unknown class). */
import type { Task } from '../spec/types.ts';

/** The labelled rows of a table, with the rest left out. */
export interface KnownTargets {
  /** Features of the kept rows, [rows, features] row-major. */
  x: Float32Array;
  y: Float32Array;
  /** Rows kept. */
  rows: number;
  /** Rows left out because their target is missing or unknown. */
  leftOut: number;
  /** Position in the input of each kept row. */
  positions: Int32Array;
}

/** True when y holds a usable target for the task (a class index in range, or a finite value). */
function isKnown(y: number, task: Task): boolean {
  if (!Number.isFinite(y)) return false;
  return task.kind === 'regression' || (Number.isInteger(y) && y >= 0 && y < task.classes.length);
}

/** Keep the rows whose target is known; the inputs are returned as they are when every target is. */
export function knownTargets(
  task: Task,
  x: Float32Array,
  y: Float32Array,
  rows: number,
  features: number,
): KnownTargets {
  const positions: number[] = [];
  for (let r = 0; r < rows; r++) if (isKnown(y[r], task)) positions.push(r);
  if (positions.length === rows) {
    return {
      x: x.subarray(0, rows * features),
      y: y.subarray(0, rows),
      rows,
      leftOut: 0,
      positions: Int32Array.from(positions),
    };
  }
  const kx = new Float32Array(positions.length * features);
  const ky = new Float32Array(positions.length);
  positions.forEach((p, i) => {
    kx.set(x.subarray(p * features, (p + 1) * features), i * features);
    ky[i] = y[p];
  });
  return {
    x: kx,
    y: ky,
    rows: positions.length,
    leftOut: rows - positions.length,
    positions: Int32Array.from(positions),
  };
}
