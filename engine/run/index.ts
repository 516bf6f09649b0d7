/**
 * Public API of the run pipeline, the one way every host (the CLI, the app's worker, sweep trials and the
 * sweep's retrain) runs a model: prepare → train → modelFile → evaluate → predictions. Each step is a
 * function over plain data; hosts turn flags or protocol messages into calls and events into output.
 */
export { prepareDataset as prepare } from '../data/index.ts';
export { trainingDataOf, mergeSplits, withValidationInTrain } from './training-data.ts';
export { train, trainRun, type RunEvent, type RunOptions, type RunResult, type RunStart } from './train.ts';
export { buildModelFile, type ModelFileInput } from './model-file.ts';
export { evaluateTestSplit, preprocessingOf } from './evaluate.ts';
export { predictions, predictionsCsv, cellText, type PredictionsCsvOptions } from './predictions.ts';
export { binaryCurves } from './curves.ts';
export { yieldToEventLoop } from './yield.ts';
export { runMessages } from './messages.ts';
