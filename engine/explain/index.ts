/** Public API of explanations: permutation importance and per-row attributions by gradients to the inputs. */
export { columnBlocks, sumByColumn, type ColumnBlock } from './columns.ts';
export {
  DEFAULT_REPEATS,
  MAX_REPEATS,
  permutationImportance,
  type ColumnImportance,
  type ImportanceMetric,
  type ImportanceOptions,
  type ImportanceResult,
  type MeanStd,
} from './importance.ts';
export { ExplainError } from './explain-error.ts';
export { explainMessages } from './messages.ts';
export {
  ATTRIBUTION_METHODS,
  DEFAULT_STEPS,
  MAX_STEPS,
  attributeRows,
  meanInputs,
  type AttributionMethod,
  type AttributionOptions,
  type AttributionResult,
  type RowAttribution,
} from './attributions.ts';
export { completenessBound } from './integrated-gradients.ts';
export { outputGradients, type ExplainedOutput, type OutputGradients } from './input-gradients.ts';
export {
  DEFAULT_GRID,
  MAX_GRID,
  MAX_ICE_ROWS,
  partialDependence,
  type PartialDependence,
  type PdpOptions,
} from './partial-dependence.ts';
