/** Public API of the model file: format, validation, creation, and use. */
export {
  MODEL_FORMAT,
  MODEL_VERSION,
  explicitSpec,
  isSourcePage,
  parseModelFile,
  stringifyModelFile,
  type ModelFile,
  type SourcePage,
} from './model-file.ts';
export { createModelFile, type ModelFileParts } from './create.ts';
export {
  SPLIT_NAMES,
  type HeadlineMetrics,
  type ModelMetrics,
  type SplitMetrics,
  type SplitName,
} from './check-metrics.ts';
export { loadNetwork, predictWithModel, scoreModel, modelGradients, type ModelScores } from './model.ts';
export { float32Text, inputMatrixCsv } from './input-matrix.ts';
export { exportOnnx, ONNX_INPUTS, type OnnxInputs } from './onnx/export.ts';
export { ExportError } from './onnx/export-error.ts';
export { exportTfjs, TFJS_WEIGHTS_FILE, type TfjsFiles } from './tfjs.ts';
export { checkedPreprocessing } from './preprocessing-check.ts';
export {
  pytorchPackage,
  PYTORCH_MODEL_FILE,
  PYTORCH_SOURCE_FILES,
  type PackageFile,
  type PytorchSources,
} from './pytorch.ts';
