/**
 * Issue 14, in the app: the Export view downloads the model as ONNX (raw columns and input matrix), TF.js
 * (model.json and weights.bin, two downloads) and the model file. The ONNX files run in onnxruntime-web in
 * this test process and give the labels the app's predictions give; the TF.js model loads with
 * tf.loadLayersModel from memory and gives the same probabilities on the input matrix.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import * as ort from 'onnxruntime-web';
import { expect, openView, repoPath, screenshot, test, useSample } from './app/fixtures.ts';

ort.env.wasm.numThreads = 1;

async function downloaded(page: Page, click: () => Promise<void>, count = 1): Promise<Download[]> {
  const downloads: Download[] = [];
  const all = new Promise<void>((resolve) => {
    page.on('download', function collect(d) {
      downloads.push(d);
      if (downloads.length === count) {
        page.off('download', collect);
        resolve();
      }
    });
  });
  await click();
  await all;
  return downloads;
}

async function bytesOf(d: Download): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(await d.path()));
}

test('Export view: ONNX, TF.js and model file downloads that run outside the app like its predictions', async ({
  app: page,
}) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await openView(page, 'Export');

  // The app's predictions of iris.csv, saved as a download.
  const [predictionsDownload] = await downloaded(page, () =>
    page.getByLabel('CSV to predict').setInputFiles(repoPath('resources/samples/iris.csv')),
  );
  const predicted = readFileSync(await predictionsDownload!.path(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const header = predicted[0]!;
  const rows = predicted.slice(1);
  const labelAt = header.indexOf('prediction');
  const probabilityColumns = header
    .map((h, i) => [h, i] as const)
    .filter(([h]) => h.startsWith('probability_'))
    .map(([, i]) => i);
  expect(rows).toHaveLength(150);

  for (const title of ['ONNX (raw columns)', 'ONNX (input matrix)', 'TF.js']) {
    await expect(page.getByRole('group', { name: title }).getByLabel(`How to load ${title}`)).toBeVisible();
  }
  await expect(page.getByRole('group', { name: 'TF.js' })).toContainText('two downloads, model.json and weights.bin');
  await expect(page.getByLabel('How to load ONNX (raw columns)')).toContainText(
    'ort.InferenceSession("iris-run-1.onnx").run(None, {"sepal_length_cm": np.array([[1.0]], np.float32), ...})',
  );
  await page.getByRole('button', { name: 'Download model.json + weights.bin' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'export-formats');

  // ONNX, raw columns: one float32 [N, 1] input per column; the labels are the app's.
  const [onnxDownload] = await downloaded(page, () =>
    page.getByRole('button', { name: 'Download iris-run-1.onnx' }).click(),
  );
  expect(onnxDownload!.suggestedFilename()).toBe('iris-run-1.onnx');
  const iris = readFileSync(repoPath('resources/samples/iris.csv'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const columns = iris[0]!.slice(0, 4);
  const session = await ort.InferenceSession.create(await bytesOf(onnxDownload!), { executionProviders: ['wasm'] });
  expect(session.inputNames).toEqual(columns);
  expect(session.outputNames).toEqual(['probabilities', 'label']);
  const feeds = Object.fromEntries(
    columns.map((c, j) => [
      c,
      new ort.Tensor(
        'float32',
        Float32Array.from(iris.slice(1), (r) => Number(r[j])),
        [150, 1],
      ),
    ]),
  );
  const out = await session.run(feeds);
  expect(Array.from(out.label!.data as string[])).toEqual(rows.map((r) => r[labelAt]));
  const probabilities = Array.from(out.probabilities!.data as Float32Array);
  rows.forEach((r, i) =>
    probabilityColumns.forEach((j, k) => expect(probabilities[i * 3 + k]).toBeCloseTo(Number(r[j]), 5)),
  );
  await session.release();

  // ONNX, input matrix: one input "input" [N, 4]; the same labels on the standardized rows TF.js gets too.
  const [matrixDownload] = await downloaded(page, () =>
    page.getByRole('button', { name: 'Download iris-run-1.matrix.onnx' }).click(),
  );
  const matrixSession = await ort.InferenceSession.create(await bytesOf(matrixDownload!), {
    executionProviders: ['wasm'],
  });
  expect(matrixSession.inputNames).toEqual(['input']);
  expect(matrixSession.outputNames).toEqual(['probabilities', 'label']);

  // The model file: the standardization the input matrix needs.
  const [jsonDownload] = await downloaded(page, () => page.getByRole('button', { name: 'Export model' }).click());
  expect(jsonDownload!.suggestedFilename()).toBe('iris-run-1.model.json');
  const model = JSON.parse(readFileSync(await jsonDownload!.path(), 'utf8')) as {
    format: string;
    featureNames: string[];
    preprocessing: { features: { column: string; center: number; scale: number }[] };
  };
  expect(model.format).toBe('backprop-studio/model');
  expect(model.featureNames).toEqual(columns);
  const scaled = iris
    .slice(1)
    .flatMap((r) => model.preprocessing.features.map((f, j) => (Number(r[j]) - f.center) / f.scale));
  const matrixOut = await matrixSession.run({ input: new ort.Tensor('float32', Float32Array.from(scaled), [150, 4]) });
  expect(Array.from(matrixOut.label!.data as string[])).toEqual(rows.map((r) => r[labelAt]));
  await matrixSession.release();

  // TF.js: two downloads, model.json then weights.bin; loads from memory and predicts the app's probabilities.
  const [modelJson, weights] = await downloaded(
    page,
    () => page.getByRole('button', { name: 'Download model.json + weights.bin' }).click(),
    2,
  );
  expect([modelJson!.suggestedFilename(), weights!.suggestedFilename()]).toEqual(['model.json', 'weights.bin']);
  const layers = JSON.parse(readFileSync(await modelJson!.path(), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  expect(layers.weightsManifest[0]!.paths).toEqual(['weights.bin']);
  const weightData = (await bytesOf(weights!)).slice().buffer;
  const tfModel = await loadLayersModel(
    tf.io.fromMemory({
      modelTopology: layers.modelTopology,
      weightSpecs: layers.weightsManifest[0]!.weights,
      weightData,
    }),
  );
  const tfOut = tfModel.predict(tf.tensor2d(scaled, [150, 4])) as tf.Tensor;
  const tfProbabilities = Array.from(await tfOut.data());
  rows.forEach((r, i) =>
    probabilityColumns.forEach((j, k) => expect(tfProbabilities[i * 3 + k]).toBeCloseTo(Number(r[j]), 5)),
  );
});
