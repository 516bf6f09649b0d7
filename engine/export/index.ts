/** Public API of the model file. */
export { MODEL_FORMAT, MODEL_VERSION, explicitSpec, parseModelFile, stringifyModelFile, type ModelFile } from './model-file.ts';
