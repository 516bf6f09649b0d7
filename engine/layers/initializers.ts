/** Weight initializers: fill a kernel of shape [fanIn, fanOut] from a seeded generator. */
import type { Random } from '../random.ts';
import type { InitializerName } from '../spec/types.ts';

/** Draw `size` values for a tensor with the given fans. */
export function initialize(
  name: InitializerName,
  size: number,
  fanIn: number,
  fanOut: number,
  rng: Random,
): Float32Array {
  const out = new Float32Array(size);
  switch (name) {
    case 'zeros':
      return out;
    case 'glorotUniform': {
      // U(−l, l), l = √(6/(fanIn + fanOut))
      const l = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < size; i++) out[i] = rng.uniform(-l, l);
      return out;
    }
    case 'glorotNormal':
      return normal(out, Math.sqrt(2 / (fanIn + fanOut)), rng);
    case 'heUniform': {
      // U(−l, l), l = √(6/fanIn)
      const l = Math.sqrt(6 / fanIn);
      for (let i = 0; i < size; i++) out[i] = rng.uniform(-l, l);
      return out;
    }
    case 'heNormal':
      return normal(out, Math.sqrt(2 / fanIn), rng);
    case 'lecunNormal':
      return normal(out, Math.sqrt(1 / fanIn), rng);
  }
}

/** N(0, σ²) truncated at 2σ (redrawn), as Keras and TF.js do. */
function normal(out: Float32Array, sigma: number, rng: Random): Float32Array {
  for (let i = 0; i < out.length; i++) {
    let v = rng.normal();
    while (Math.abs(v) > 2) v = rng.normal();
    out[i] = v * sigma;
  }
  return out;
}
