/** Test helper: run ONNX bytes in onnxruntime-web (WebAssembly backend, in Node). */
import * as ort from 'onnxruntime-web';
import type { Outputs } from './predict-reference.ts';

ort.env.wasm.numThreads = 1;

/** A feed value: float32/float64 columns or strings, each [N, 1] or [N, width]. */
export type Feed =
  | { type: 'float32' | 'float64'; data: ArrayLike<number>; dims: number[] }
  | { type: 'string'; data: string[]; dims: number[] };

/** Runs the model once; returns every output as a plain array. */
export async function runOnnx(bytes: Uint8Array, feeds: Record<string, Feed>): Promise<Outputs> {
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'disabled',
  });
  try {
    const inputs: Record<string, ort.Tensor> = {};
    for (const [name, f] of Object.entries(feeds)) {
      inputs[name] =
        f.type === 'string'
          ? new ort.Tensor('string', f.data, f.dims)
          : f.type === 'float32'
            ? new ort.Tensor('float32', Float32Array.from(f.data), f.dims)
            : new ort.Tensor('float64', Float64Array.from(f.data), f.dims);
    }
    const out = await session.run(inputs);
    const result: Outputs = {};
    for (const [name, t] of Object.entries(out)) {
      result[name] = { data: Array.from(t.data as ArrayLike<number | string>), dims: t.dims };
    }
    return result;
  } finally {
    await session.release();
  }
}
