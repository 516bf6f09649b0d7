/** Small models trained in-process for the exporter tests (a few epochs: the weights only need to be non-trivial). */
import { CpuBackend } from '../backend/index.ts';
import { parseCsv, prepareDataset, targetScale, type DatasetSettings } from '../data/index.ts';
import { parseSpec } from '../spec/index.ts';
import { trainNetwork } from '../train/index.ts';
import { createModelFile } from './create.ts';
import type { ModelFile } from './model-file.ts';

/** Train `layers` (spec JSON) on `csv` for `epochs` epochs and return the model file, as `train` would save it. */
export async function trainTestModel(
  csv: string,
  settings: DatasetSettings,
  layers: unknown[],
  epochs = 3,
): Promise<ModelFile> {
  const prepared = prepareDataset(parseCsv(csv), { split: { validation: 0, test: 0 }, ...settings }, 7);
  const spec = parseSpec({ layers, training: { epochs, batchSize: 16, seed: 7 } });
  const data = {
    task: prepared.task,
    featureNames: prepared.featureNames,
    train: prepared.train,
    validation: null,
    targetScale: targetScale(prepared.preprocessing),
  };
  const backend = new CpuBackend();
  try {
    const result = await trainNetwork({ spec, data, backend });
    return createModelFile({
      result,
      data: { ...data, features: data.train.features },
      preprocessing: prepared.preprocessing,
      reading: prepared.reading,
      metrics: {},
    });
  } finally {
    backend.destroy();
  }
}

/** Every activation, each in its own hidden layer, with batch norm and dropout between. */
export function everyActivationLayers(): unknown[] {
  const acts = ['linear', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'gelu', 'softplus'];
  return [
    ...acts.flatMap((a, i) => [
      { id: `h${i}`, type: 'dense', units: 6, activation: a },
      ...(i % 3 === 0 ? [{ id: `bn${i}`, type: 'batchNorm' }] : []),
    ]),
    { id: 'drop', type: 'dropout', rate: 0.2 },
    { id: 'act', type: 'activation', activation: 'gelu' },
    { id: 'output', type: 'dense', units: 'auto' },
  ];
}
