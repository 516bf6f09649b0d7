/** Conformance cases: batch normalization forward and backward, training and inference. */
import type { Backend } from '../../backend.ts';
import { FLOAT32, type CaseOutputs, type ConformanceCase } from './conformance-types.ts';
import { disposeAll, normal, readAll, uniform } from './fixtures.ts';

const [N, F] = [11, 6];

async function batchNorm(be: Backend, training: boolean): Promise<CaseOutputs> {
  const x = normal(50, N * F, 2);
  for (let i = 0; i < x.length; i++) x[i] += (i % F) - 2;
  const t = {
    x: be.tensor([N, F], x),
    gamma: be.tensor([F], uniform(51, F, 0.5, 1.5)),
    beta: be.tensor([F], uniform(52, F)),
    mean: be.tensor([F], uniform(53, F)),
    variance: be.tensor([F], uniform(54, F, 0.5, 2)),
    y: be.tensor([N, F]),
    xhat: be.tensor([N, F]),
    invStd: be.tensor([F]),
    dy: be.tensor([N, F], uniform(55, N * F)),
    dx: be.tensor([N, F]),
    dgamma: be.tensor([F]),
    dbeta: be.tensor([F]),
  };
  be.batchNormForward(t.x, t.gamma, t.beta, t.mean, t.variance, t.y, t.xhat, t.invStd, 0.9, 1e-3, training);
  be.batchNormBackward(t.dy, t.xhat, t.gamma, t.invStd, t.dx, t.dgamma, t.dbeta, training);
  const out = await readAll(be, {
    y: t.y,
    xhat: t.xhat,
    invStd: t.invStd,
    runningMean: t.mean,
    runningVar: t.variance,
    dx: t.dx,
    dgamma: t.dgamma,
    dbeta: t.dbeta,
  });
  disposeAll(be, Object.values(t));
  return out;
}

/** Batch-norm cases on [11, 6]. */
export const BATCH_NORM_CASES: readonly ConformanceCase[] = [
  {
    name: `batchNorm: training forward and backward [${N}, ${F}]`,
    tolerance: FLOAT32,
    run: (be) => batchNorm(be, true),
  },
  {
    name: `batchNorm: inference forward and backward [${N}, ${F}]`,
    tolerance: FLOAT32,
    run: (be) => batchNorm(be, false),
  },
];
