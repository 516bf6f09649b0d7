/**
 * Issue 15, in the app: the Export view downloads the PyTorch package as one zip. Unzipped, its predict.py
 * gives the app's predictions, and its train.py trains on under torchrun with 2 processes into a model file
 * the CLI's evaluate scores (when this machine has PyTorch; else only the zip's contents are checked).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, openView, repoPath, screenshot, test, useSample } from './app/fixtures.ts';
import { PYTHON, hasTorch, trainWithTorchrun, unpackPackage } from './app/pytorch-package.ts';

test('Export view: the PyTorch package predicts like the app and trains on under torchrun', async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await openView(page, 'Export');

  const card = page.getByRole('group', { name: 'PyTorch package' });
  await expect(card.getByLabel('How to load PyTorch package')).toContainText(
    'torchrun --nproc_per_node 2 train.py TRAIN.csv --epochs 20 --out MODEL.json',
  );
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'export-pytorch');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Download iris-run-1-pytorch.zip' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('iris-run-1-pytorch.zip');
  await expect(page.getByText('PyTorch package of Run 1 exported as iris-run-1-pytorch.zip.')).toBeVisible();

  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(Object.keys(files).sort()).toEqual(
    [
      'README.md',
      'data.py',
      'losses.py',
      'model.json',
      'model.py',
      'optim.py',
      'predict.py',
      'preprocess.py',
      'refit.py',
      'train.py',
    ].map((f) => `pytorch-package/${f}`),
  );
  expect(strFromU8(files['pytorch-package/README.md']!)).toContain(
    "This model classifies 'species' into 3 classes (setosa, versicolor, virginica) from 4 inputs",
  );
  if (!hasTorch) return;

  const pkg = unpackPackage(files, 'bps-e2e-pytorch-');
  const [predictions] = await Promise.all([
    page.waitForEvent('download'),
    page.getByLabel('CSV to predict').setInputFiles(repoPath('resources/samples/iris.csv')),
  ]);
  const app = readFileSync(await predictions.path(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const python = spawnSync(PYTHON, ['predict.py', repoPath('resources/samples/iris.csv')], {
    cwd: pkg,
    encoding: 'utf8',
  });
  expect(python.stderr).toBe('');
  const lines = python.stdout
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const at = app[0]!.indexOf('prediction');
  expect(lines[0]).toEqual(app[0]!.slice(at));
  lines.slice(1).forEach((l, i) => {
    expect(l[0]).toBe(app[i + 1]![at]);
    l.slice(1).forEach((p, k) =>
      expect(Math.abs(Number(p) - Number(app[i + 1]![at + 1 + k]))).toBeLessThanOrEqual(1e-5),
    );
  });

  const trained = trainWithTorchrun(pkg, repoPath('resources/samples/iris.csv'), 3, 'trained.json');
  expect(trained.status, trained.stderr).toBe(0);
  expect(trained.stdout).toMatch(/^epoch 8\/8 loss /m);
  const evaluated = spawnSync(
    process.execPath,
    [
      repoPath('bin/backprop-studio.mjs'),
      'evaluate',
      join(pkg, 'trained.json'),
      repoPath('resources/samples/iris.csv'),
    ],
    { encoding: 'utf8' },
  );
  expect(evaluated.stderr).toBe('');
  expect(JSON.parse(evaluated.stdout)).toMatchObject({ kind: 'classification', rows: 150 });
});
