/** Conformance cases: tensor memory (upload, gather, copy, fill, views, dispose). */
import { EXACT, type ConformanceCase } from './conformance-types.ts';
import { disposeAll, readAll, uniform } from './fixtures.ts';

/** Memory cases. */
export const MEMORY_CASES: readonly ConformanceCase[] = [
  {
    // A GPU backend may render a kernel into its previous output once no tensor views it (WebGPU recycling):
    // outputs still viewed must survive later launches of the same kernel, and a freed one may be reused.
    name: 'memory: outputs of one kernel kept across many launches of it stay intact',
    tolerance: EXACT,
    async run(be) {
      const xs = [0, 1, 2, 3, 4].map((i) => be.tensor([6, 4], uniform(40 + i, 24)));
      const ys = xs.map(() => be.tensor([6, 4]));
      xs.forEach((x, i) => be.activationForward('relu', x, ys[i]));
      be.dispose(ys[1]);
      const again = be.tensor([6, 4]);
      be.activationForward('relu', xs[4], again);
      be.activationForward('relu', xs[2], ys[3]);
      const out = await readAll(be, { y0: ys[0], y2: ys[2], y3: ys[3], y4: ys[4], again });
      disposeAll(be, [...xs, ys[0], ys[2], ys[3], ys[4], again]);
      return out;
    },
  },
  {
    name: 'memory: tensor with data, write, zeros',
    tolerance: EXACT,
    async run(be) {
      const a = be.tensor([3, 5], uniform(1, 15));
      const b = be.tensor([7]);
      const c = be.tensor([2, 3], uniform(2, 6));
      be.write(c, uniform(3, 6, -5, 5));
      const out = await readAll(be, { a, b, c });
      disposeAll(be, [a, b, c]);
      return out;
    },
  },
  {
    name: 'memory: gatherRows of odd rows',
    tolerance: EXACT,
    async run(be) {
      const source = uniform(4, 10 * 3);
      const t = be.tensor([4, 3]);
      be.gatherRows(t, source, 3, Int32Array.of(9, 0, 4, 4, 7, 2), 1, 4);
      const out = await readAll(be, { t });
      disposeAll(be, [t]);
      return out;
    },
  },
  {
    name: 'memory: copy keeps its values when the source changes; fill; dispose of a shared source',
    tolerance: EXACT,
    async run(be) {
      const src = be.tensor([11], uniform(5, 11));
      const dst = be.tensor([11]);
      be.copy(src, dst);
      be.write(src, uniform(6, 11));
      const filled = be.tensor([11]);
      be.fill(filled, 2.5);
      const again = be.tensor([300]);
      be.fill(again, 2.5);
      be.fill(again, -1);
      const kept = be.tensor([11]);
      be.copy(dst, kept);
      be.dispose(dst);
      const out = await readAll(be, { src, filled, again, kept });
      disposeAll(be, [src, filled, again, kept]);
      return out;
    },
  },
];
