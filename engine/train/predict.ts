/** Inference: run the network in evaluation mode over many rows, in chunks. */
import type { Backend } from '../backend/backend.ts';
import type { Network } from './network.ts';

/** Rows per chunk when predicting (bounded buffer memory). */
export const PREDICT_CHUNK = 1024;

/** Outputs [rows, outputs] for x [rows, features], dropout off and batch norm on running statistics. */
export async function predictRows(net: Network, x: Float32Array, rows: number): Promise<Float32Array> {
  const backend: Backend = net.backend;
  const features = net.resolved.inputs;
  const k = net.resolved.outputs;
  const out = new Float32Array(rows * k);
  const chunk = Math.min(PREDICT_CHUNK, Math.max(1, rows));
  const inputs = new Map<number, ReturnType<Backend['tensor']>>();
  for (let start = 0; start < rows; start += chunk) {
    const n = Math.min(chunk, rows - start);
    let xt = inputs.get(n);
    if (!xt) {
      xt = backend.tensor([n, features]);
      inputs.set(n, xt);
    }
    backend.write(xt, x.subarray(start * features, (start + n) * features));
    const y = net.forward(xt, n, { training: false, seed: 0, step: 0 });
    out.set(await backend.read(y), start * k);
  }
  for (const t of inputs.values()) backend.dispose(t);
  return out;
}
