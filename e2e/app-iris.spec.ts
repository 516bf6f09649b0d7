/**
 * Issue 5, test 1: import iris, build a two-hidden-layer network by drag and drop, train while the chart
 * gains points and the epoch status advances, export the model, check its weight shapes, and predict
 * with it through the engine's CLI.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  chartPoints,
  dragLayer,
  epochStatus,
  expect,
  importCsv,
  liveSamples,
  networkItems,
  openView,
  recordLive,
  repoPath,
  screenshot,
  test,
} from './app/fixtures.ts';

interface ModelJson {
  format: string;
  inputs: number;
  outputs: number;
  weights: { layer: string; name: string; shape: number[]; data: number[] }[];
}

test('iris: drag-and-drop network, live training, model export loaded by the CLI', async ({ app: page }) => {
  await screenshot(page, 'data-empty');
  await importCsv(page, repoPath('resources/samples/iris.csv'));
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await page.getByLabel('Target column').selectOption('species');
  await expect(page.getByText('Classification · 3 classes')).toBeVisible();
  await screenshot(page, 'data-iris');

  await openView(page, 'Model');
  await dragLayer(page, 'Dense');
  await dragLayer(page, 'Dense');
  await expect(networkItems(page)).toHaveCount(2);
  // Both hidden layers and the output show their shapes and parameters: 4→16→16→3.
  await expect(page.getByText('4 layers')).toHaveCount(0);
  await expect(page.getByText('3 layers · 403 parameters')).toBeVisible();
  await expect(page.getByText('Ready to train')).toBeVisible();
  await screenshot(page, 'model-iris');

  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('4000');
  await page.getByLabel('Batch size').fill('4');
  await page.getByLabel('Backend').selectOption('wasm');
  await recordLive(page);
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });

  // While the run was live, the epoch status advanced step by step and the loss chart gained points.
  const live = await liveSamples(page);
  const during = live.filter((s) => s.epoch > 0 && s.epoch < 4000);
  expect(new Set(during.map((s) => s.epoch)).size, JSON.stringify(live.slice(0, 20))).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < live.length; i++) {
    expect(live[i]!.epoch).toBeGreaterThanOrEqual(live[i - 1]!.epoch);
    expect(live[i]!.points).toBeGreaterThanOrEqual(live[i - 1]!.points);
  }
  expect(new Set(during.map((s) => s.points)).size).toBeGreaterThanOrEqual(3);
  expect(await epochStatus(page)).toEqual({ epoch: 4000, of: 4000 });
  expect(await chartPoints(page, 'Loss')).toBeGreaterThanOrEqual(4000);
  await expect(page.getByTestId('backend-badge')).toContainText('WebAssembly');
  await screenshot(page, 'train-iris');

  await openView(page, 'Evaluate');
  await expect(page.getByText('Test accuracy')).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'evaluate-iris');

  await openView(page, 'Export');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model' }).click();
  const download = await downloading;
  const file = test.info().outputPath('iris.model.json');
  await download.saveAs(file);

  // Predictions for a new upload come back as the same CSV with the prediction columns added.
  const predicting = page.waitForEvent('download');
  await page.getByLabel('CSV to predict').setInputFiles(repoPath('resources/samples/iris.csv'));
  const predictions = await predicting;
  expect(predictions.suggestedFilename()).toBe('iris-predictions.csv');
  const predicted = readFileSync(await predictions.path(), 'utf8')
    .trim()
    .split('\n');
  expect(predicted[0]).toBe(
    'sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species,split,prediction,probability_setosa,probability_versicolor,probability_virginica',
  );
  expect(predicted).toHaveLength(151);
  await expect(
    page.getByRole('status').filter({ hasText: 'Predicted 150 rows of iris.csv; the CSV was downloaded.' }),
  ).toBeVisible();
  await screenshot(page, 'export-iris');

  // The predictions stay with the run: after another view they are still shown and can be saved again.
  await openView(page, 'Evaluate');
  await openView(page, 'Export');
  await expect(page.getByRole('table', { name: 'First predicted rows' })).toBeVisible();
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save predictions again' }).click();
  const second = await again;
  expect(second.suggestedFilename()).toBe('iris-predictions.csv');
  expect(
    readFileSync(await second.path(), 'utf8')
      .trim()
      .split('\n'),
  ).toEqual(predicted);

  const model = JSON.parse(readFileSync(file, 'utf8')) as ModelJson;
  expect(model.format).toBe('backprop-studio/model');
  expect(model.inputs).toBe(4);
  // Kernels are [inputs, units] in layer order, each with a bias of [units].
  const kernels = model.weights.filter((w) => w.name === 'kernel');
  expect(kernels.map((w) => w.shape)).toEqual([
    [4, 16],
    [16, 16],
    [16, 3],
  ]);
  expect(kernels.at(-1)?.layer).toBe('output');
  for (const k of kernels) {
    expect(model.weights.find((w) => w.layer === k.layer && w.name === 'bias')?.shape).toEqual([k.shape[1]]);
  }
  for (const w of model.weights) expect(w.data.length).toBe(w.shape.reduce((a, b) => a * b, 1));

  // The engine's CLI loads the exported file and predicts with it.
  const out = execFileSync(
    'node',
    [repoPath('bin/backprop-studio.mjs'), 'predict', file, repoPath('resources/samples/iris.csv')],
    { encoding: 'utf8' },
  );
  const lines = out.trim().split('\n');
  expect(lines.length).toBe(151);
  expect(lines[0]).toBe('prediction,probability_setosa,probability_versicolor,probability_virginica');
  const labels = lines.slice(1).map((l) => l.split(',')[0]);
  expect(labels.every((l) => ['setosa', 'versicolor', 'virginica'].includes(l ?? ''))).toBe(true);
  // The model the app trained is good: the CLI's predictions match the true species on most rows.
  const truth = readFileSync(repoPath('resources/samples/iris.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').at(-1));
  const right = labels.filter((l, i) => l === truth[i]).length;
  expect(right / 150).toBeGreaterThan(0.9);
});
