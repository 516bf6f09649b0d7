/** The weights a model file must hold for its network: each tensor once, with the shape the spec gives it. */
import type { Problem } from '../errors.ts';
import type { ResolvedNetwork } from '../spec/resolve.ts';
import type { WeightTensor } from '../train/types.ts';
import { modelFileMessages } from './messages.ts';

/** Tensors of a resolved network: `layer/name` → shape. */
export function expectedTensors(net: ResolvedNetwork): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const l of net.layers) {
    if (l.type === 'dense') {
      out.set(`${l.id}/kernel`, [l.inputs, l.units]);
      out.set(`${l.id}/bias`, [l.units]);
    } else if (l.type === 'batchNorm') {
      for (const name of ['gamma', 'beta', 'movingMean', 'movingVariance']) out.set(`${l.id}/${name}`, [l.units]);
    }
  }
  return out;
}

/**
 * Problems of `weights` (read from `weights[i]`) against the network: duplicates, unknown, missing, wrong
 * shapes. Tensors in `damaged` were present but unreadable (already reported), so they are not "missing".
 */
export function checkTensors(
  weights: readonly (WeightTensor & { index: number })[],
  net: ResolvedNetwork,
  damaged: ReadonlySet<string> = new Set(),
): Problem[] {
  const expected = expectedTensors(net);
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const w of weights) {
    const key = `${w.layer}/${w.name}`;
    const path = `weights[${w.index}]`;
    const first = seen.get(key);
    const shape = expected.get(key);
    if (first !== undefined) {
      problems.push(modelFileMessages.duplicateTensor(path, key, first));
    } else if (!shape) {
      problems.push(modelFileMessages.unknownTensor(path, key, [...expected.keys()]));
    } else if (shape.join(',') !== w.shape.join(',')) {
      problems.push(modelFileMessages.tensorShape(path, key, w.shape, shape));
    }
    if (first === undefined) seen.set(key, w.index);
  }
  for (const key of expected.keys()) {
    if (!seen.has(key) && !damaged.has(key)) problems.push(modelFileMessages.missingTensor(key));
  }
  return problems;
}
