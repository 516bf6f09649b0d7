/** Loss kernels on host arrays, using the shared loss table. */
import { LOSSES } from '../../losses/index.ts';
import type { LossName } from '../../spec/types.ts';
import type { Buf } from './buffer.ts';

/** acc[0] += Σ_rows loss(row); acc[1] += correct predictions (classification losses). */
export function lossAccumulate(
  loss: LossName,
  pred: Buf,
  target: Buf,
  acc: Buf,
  n: number,
  k: number,
  delta: number,
): void {
  const m = LOSSES[loss];
  let total = 0;
  let correct = 0;
  if (m.kind === 'sparse') {
    for (let r = 0; r < n; r++) {
      const o = r * k;
      const c = target[r];
      total += m.value(pred[o + c], 1, delta);
      let best = 0;
      for (let j = 1; j < k; j++) if (pred[o + j] > pred[o + best]) best = j;
      if (best === c) correct++;
    }
  } else {
    for (let r = 0; r < n; r++) {
      const o = r * k;
      let rowLoss = 0;
      let rowCorrect = true;
      for (let j = 0; j < k; j++) {
        rowLoss += m.value(pred[o + j], target[o + j], delta);
        if ((pred[o + j] >= 0.5 ? 1 : 0) !== target[o + j]) rowCorrect = false;
      }
      total += rowLoss / k;
      if (rowCorrect) correct++;
    }
  }
  acc[0] += total;
  if (m.isClassification) acc[1] += correct;
}

/** dpred = ∂(mean loss)/∂pred, or ∂/∂logits when fused with the output activation: (p − y)/(n·k). */
export function lossGradient(
  loss: LossName,
  pred: Buf,
  target: Buf,
  dpred: Buf,
  n: number,
  k: number,
  delta: number,
  fused: boolean,
): void {
  const m = LOSSES[loss];
  if (m.kind === 'sparse') {
    const s = 1 / n;
    for (let r = 0; r < n; r++) {
      const o = r * k;
      const c = target[r];
      for (let j = 0; j < k; j++) {
        const isTrue = j === c ? 1 : 0;
        dpred[o + j] = s * (fused ? pred[o + j] - isTrue : m.grad(pred[o + j], isTrue, delta));
      }
    }
    return;
  }
  const s = 1 / (n * k);
  const size = n * k;
  for (let i = 0; i < size; i++) {
    dpred[i] = s * (fused ? pred[i] - target[i] : m.grad(pred[i], target[i], delta));
  }
}
