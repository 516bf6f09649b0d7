/**
 * The dropout mask is bit-identical to random.ts hashUniform: the host split (dropout-seed.ts) and the
 * float-limb hash the kernels run (kernels/dropout-hash.ts), evaluated here as plain JavaScript. That it
 * stays exact in float32 on the devices is checked by the conformance suite's exact-mask cases (webasm
 * here, WebGL2 and WebGPU in e2e/gpujs-backend.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { hash32, hashUniform, Random } from '../../random.ts';
import { dropoutStepSeed, dropoutThreshold, toHalves } from './dropout-seed.ts';
import { keepElement, mulHigh, mulLow, xor16 } from './kernels/dropout-hash.ts';

describe('dropout hash halves', () => {
  it('splits 32-bit values exactly', () => {
    expect(toHalves(0)).toEqual({ high: 0, low: 0 });
    expect(toHalves(0xdeadbeef)).toEqual({ high: 0xdead, low: 0xbeef });
    expect(toHalves(4294967296)).toEqual({ high: 65536, low: 0 });
  });

  it('xor16 and the 16-bit multiply halves equal their integer definitions', () => {
    const r = new Random(1);
    for (let n = 0; n < 2000; n++) {
      const [a, b, x] = [r.int(65536), r.int(65536), r.nextUint32()];
      expect(xor16(a, b)).toBe(a ^ b);
      const c = n % 2 ? 0x7feb352d : 0x846ca68b;
      const product = Math.imul(x, c) >>> 0;
      const { high, low } = toHalves(x);
      expect(mulLow(low, c & 0xffff)).toBe(product & 0xffff);
      expect(mulHigh(high, low, c >>> 16, c & 0xffff)).toBe(product >>> 16);
    }
  });

  it('keeps exactly the elements hashUniform keeps, over seeds, steps, rates and indices', () => {
    const r = new Random(2);
    for (let n = 0; n < 300; n++) {
      const seed = r.nextUint32();
      const step = n < 10 ? n : r.nextUint32();
      const rate = [0, 0.1, 0.5, 0.9, r.next()][n % 5];
      const s = dropoutStepSeed(seed, step);
      const t = dropoutThreshold(rate);
      expect(s.high * 65536 + s.low).toBe(hash32((seed ^ hash32(step)) >>> 0));
      for (const i of [0, 1, 2, 65535, 65536, 99991, r.int(1 << 23)]) {
        const want = hashUniform(seed, step, i) >= rate ? 1 : 0;
        expect(keepElement(i, s.high, s.low, t.high, t.low)).toBe(want);
      }
    }
  });
});
