/** Public API of the spec: types, structural validation, resolution against data, defaults, summaries. */
export * from './types.ts';
export { checkSpecStructure, parseSpec } from './validate.ts';
export {
  checkResolve,
  resolveNetwork,
  summarizeLayers,
  parameterCount,
  type ResolvedNetwork,
  type ResolvedLayer,
  type ResolvedDense,
  type LayerSummary,
} from './resolve.ts';
export {
  TRAINING_DEFAULTS,
  OPTIMIZER_DEFAULTS,
  EARLY_STOPPING_DEFAULTS,
  BATCH_NORM_DEFAULTS,
  lossFor,
  outputActivationFor,
  outputUnitsFor,
  kernelInitializerFor,
  explicitOptimizer,
} from './defaults.ts';
export { defaultSpec, type TemplateName } from './templates.ts';
export {
  LIMITS,
  estimateTrainingMemory,
  estimateMemory,
  networkParameters,
  formatBytes,
  type MemoryEstimate,
} from './limits.ts';
export { specMessages } from './messages.ts';
