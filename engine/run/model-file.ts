/** The one model-file builder: a finished run and its prepared dataset in, the model file with metrics per split out. */
import { CpuBackend, type Backend } from '../backend/index.ts';
import { DatasetError } from '../errors.ts';
import { targetScale, type PreparedDataset, type Split } from '../data/index.ts';
import {
  createModelFile,
  scoreModel,
  SPLIT_NAMES,
  type ModelFile,
  type ModelMetrics,
  type SourcePage,
} from '../export/index.ts';
import type { Metrics, TrainResult } from '../train/index.ts';

/** What `buildModelFile` needs. */
export interface ModelFileInput {
  result: TrainResult;
  /** The dataset the run trained on (a retrain's has its validation rows in `train`). */
  prepared: PreparedDataset;
  /** Scores the splits; the CPU reference backend when omitted (made and freed here). */
  backend?: Backend;
  /** Called with each split's metrics as they are computed. */
  onSplit?: (split: keyof ModelMetrics, metrics: Metrics) => void;
  /** The web page the data came from (the browser extension), written into the file; none for a file. */
  sourcePage?: SourcePage | null;
}

/** The full metrics of `model` on one split, or null when it has no row with a known target to score. */
async function splitMetrics(
  model: ModelFile,
  prepared: PreparedDataset,
  split: Split,
  backend: Backend,
): Promise<Metrics | null> {
  if (split.rows === 0) return null;
  try {
    return (
      await scoreModel(
        model,
        backend,
        split.x,
        split.y,
        split.rows,
        targetScale(prepared.preprocessing),
        prepared.preprocessing.target.column,
      )
    ).metrics;
  } catch (e) {
    // A split whose every target is unknown has nothing to score; the file then has no metrics for it.
    if (e instanceof DatasetError && e.code === 'data/no-known-targets') return null;
    throw e;
  }
}

/**
 * The model file of a finished run (spec made explicit, preprocessing, CSV reading, weights, history,
 * training info) with the full metrics (`Metrics`) of every split that has rows: train, validation, test.
 */
export async function buildModelFile(o: ModelFileInput): Promise<ModelFile> {
  const { result, prepared } = o;
  const model = createModelFile({
    result,
    data: { task: prepared.task, featureNames: prepared.featureNames, features: prepared.featureNames.length },
    preprocessing: prepared.preprocessing,
    reading: prepared.reading,
    metrics: {},
    sourcePage: o.sourcePage ?? null,
  });
  const backend = o.backend ?? new CpuBackend();
  try {
    for (const name of SPLIT_NAMES) {
      const m = await splitMetrics(model, prepared, prepared[name], backend);
      if (!m) continue;
      model.metrics[name] = m;
      o.onSplit?.(name, m);
    }
  } finally {
    if (!o.backend) backend.destroy();
  }
  return model;
}
