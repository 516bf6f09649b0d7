/** Conformance cases: tensor memory (upload, gather, copy, fill, views, dispose). */
import { EXACT, type ConformanceCase } from './conformance-types.ts';
import { disposeAll, readAll, uniform } from './fixtures.ts';

/** Memory cases. */
export const MEMORY_CASES: readonly ConformanceCase[] = [
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
