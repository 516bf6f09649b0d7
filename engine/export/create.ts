/** Assemble a model file from a finished run's parts (engine/run's `buildModelFile` is the builder hosts call). */
import type { CsvReading, Preprocessing } from '../data/index.ts';
import { resolveNetwork } from '../spec/resolve.ts';
import type { TrainResult, TrainingData } from '../train/index.ts';
import { resolveTraining } from '../train/config.ts';
import type { ModelMetrics } from './check-metrics.ts';
import { MODEL_FORMAT, MODEL_VERSION, explicitSpec, type ModelFile, type SourcePage } from './model-file.ts';

/** Everything a model file is made of. */
export interface ModelFileParts {
  result: TrainResult;
  data: Pick<TrainingData, 'task' | 'featureNames'> & { features: number };
  preprocessing: Preprocessing | null;
  /** How the training CSV was read (`PreparedDataset.reading`). */
  reading: CsvReading | null;
  /** Metrics per split; engine/run's `buildModelFile` computes them (pass {} to score the draft first). */
  metrics: ModelMetrics;
  createdAt?: string;
  /** The web page the training data came from (the browser extension); none for a file. */
  sourcePage?: SourcePage | null;
}

/** Assemble the model file (spec made explicit, preprocessing and CSV reading, weights, metrics, history, seed). */
export function createModelFile(p: ModelFileParts): ModelFile {
  const net = resolveNetwork(p.result.spec, p.data.features, p.data.task);
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdAt: p.createdAt ?? new Date().toISOString(),
    spec: explicitSpec(p.result.spec, net),
    task: p.data.task,
    inputs: net.inputs,
    outputs: net.outputs,
    featureNames: p.data.featureNames,
    preprocessing: p.preprocessing,
    reading: p.reading,
    weights: p.result.weights,
    metrics: p.metrics,
    history: p.result.history,
    seed: resolveTraining(p.result.spec.training).seed,
    training: {
      backend: p.result.backend,
      stopReason: p.result.stopReason,
      bestEpoch: p.result.bestEpoch,
      epochsRun: p.result.history.length,
      ...(p.result.refit ? { refit: p.result.refit } : {}),
    },
    ...(p.sourcePage ? { sourcePage: { title: p.sourcePage.title, url: p.sourcePage.url } } : {}),
  };
}
