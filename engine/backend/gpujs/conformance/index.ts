/** Public API of the conformance suite (used by the Node tests and the browser harness). */
import { ACTIVATION_CASES } from './activation-cases.ts';
import { BATCH_NORM_CASES } from './batch-norm-cases.ts';
import type { ConformanceCase } from './conformance-types.ts';
import { DENSE_CASES } from './dense-cases.ts';
import { DROPOUT_CASES } from './dropout-cases.ts';
import { LOSS_CASES } from './loss-cases.ts';
import { MEMORY_CASES } from './memory-cases.ts';
import { OPTIMIZER_CASES } from './optimizer-cases.ts';
import { TRAINING_CASES } from './training-cases.ts';

export { runCase } from './compare.ts';
export { datasetCase, parseSimpleCsv, DATASET_SPEC } from './dataset-cases.ts';
export type { CaseResult, ConformanceCase } from './conformance-types.ts';

/** Op-by-op cases. */
export const OP_CASES: readonly ConformanceCase[] = [
  ...MEMORY_CASES,
  ...DENSE_CASES,
  ...ACTIVATION_CASES,
  ...DROPOUT_CASES,
  ...BATCH_NORM_CASES,
  ...LOSS_CASES,
  ...OPTIMIZER_CASES,
];

/** Every case. */
export const ALL_CASES: readonly ConformanceCase[] = [...OP_CASES, ...TRAINING_CASES];
