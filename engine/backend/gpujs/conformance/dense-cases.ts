/** Conformance cases: dense forward and backward on odd shapes. */
import { FLOAT32, type ConformanceCase } from './conformance-types.ts';
import { disposeAll, readAll, uniform } from './fixtures.ts';

const [N, IN, OUT] = [7, 13, 5];

/** Dense cases. */
export const DENSE_CASES: readonly ConformanceCase[] = [
  {
    name: `dense: forward [${N}, ${IN}]·[${IN}, ${OUT}] + b`,
    tolerance: FLOAT32,
    async run(be) {
      const x = be.tensor([N, IN], uniform(10, N * IN));
      const w = be.tensor([IN, OUT], uniform(11, IN * OUT));
      const b = be.tensor([OUT], uniform(12, OUT));
      const z = be.tensor([N, OUT]);
      be.denseForward(x, w, b, z);
      const out = await readAll(be, { z });
      disposeAll(be, [x, w, b, z]);
      return out;
    },
  },
  {
    name: 'dense: backward dW, db, dx (and again without dx)',
    tolerance: FLOAT32,
    async run(be) {
      const x = be.tensor([N, IN], uniform(13, N * IN));
      const w = be.tensor([IN, OUT], uniform(14, IN * OUT));
      const dz = be.tensor([N, OUT], uniform(15, N * OUT));
      const [dw, db, dx] = [be.tensor([IN, OUT]), be.tensor([OUT]), be.tensor([N, IN])];
      be.denseBackward(x, w, dz, dw, db, dx);
      const first = await readAll(be, { dw, db, dx });
      be.write(dz, uniform(16, N * OUT));
      be.denseBackward(x, w, dz, dw, db, null);
      const second = await readAll(be, { dw2: dw, db2: db });
      disposeAll(be, [x, w, dz, dw, db, dx]);
      return { ...first, ...second };
    },
  },
];
