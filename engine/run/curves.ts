/** ROC and precision-recall curves of a binary classifier's scores, with the areas under them. */
import type { CurvePoint } from '../protocol/index.ts';

/** Points kept per curve (enough for a smooth line, small enough to post). */
const MAX_POINTS = 256;

function thin(points: CurvePoint[]): CurvePoint[] {
  if (points.length <= MAX_POINTS) return points;
  const step = (points.length - 1) / (MAX_POINTS - 1);
  return Array.from({ length: MAX_POINTS }, (_, i) => points[Math.round(i * step)]!);
}

/**
 * ROC (x: false-positive rate, y: true-positive rate) and PR (x: recall, y: precision) curves over
 * every threshold of `scores` (P(positive)) against `positive` (1 = positive row). AUC by the trapezoid
 * rule; the PR area is average precision: Σ (Rₙ − Rₙ₋₁)·Pₙ.
 */
export function binaryCurves(
  scores: ArrayLike<number>,
  positive: ArrayLike<number>,
): {
  roc: { points: CurvePoint[]; auc: number };
  pr: { points: CurvePoint[]; auc: number };
} | null {
  const n = scores.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += positive[i] ? 1 : 0;
  const neg = n - pos;
  if (pos === 0 || neg === 0) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const roc: CurvePoint[] = [{ x: 0, y: 0 }];
  const pr: CurvePoint[] = [{ x: 0, y: 1 }];
  let tp = 0;
  let fp = 0;
  let auc = 0;
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < n; i++) {
    const row = order[i]!;
    if (positive[row]) tp++;
    else fp++;
    // Only emit a point where the threshold changes (ties move together).
    if (i + 1 < n && scores[order[i + 1]!] === scores[row]) continue;
    const tpr = tp / pos;
    const fpr = fp / neg;
    const last = roc[roc.length - 1]!;
    auc += ((fpr - last.x) * (tpr + last.y)) / 2;
    roc.push({ x: fpr, y: tpr });
    const precision = tp / (tp + fp);
    ap += (tpr - prevRecall) * precision;
    prevRecall = tpr;
    pr.push({ x: tpr, y: precision });
  }
  return { roc: { points: thin(roc), auc }, pr: { points: thin(pr), auc: ap } };
}
