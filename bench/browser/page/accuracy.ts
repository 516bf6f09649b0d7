/** Fraction of rows whose argmax over `classes` outputs equals the label (as bench/child.ts computes it). */
export function accuracyOf(out: Float32Array, y: Float32Array, classes: number): number {
  let correct = 0;
  for (let r = 0; r < y.length; r++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (out[r * classes + c] > out[r * classes + best]) best = c;
    if (best === y[r]) correct++;
  }
  return correct / y.length;
}
