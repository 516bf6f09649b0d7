/**
 * Open model file… (issue 15's "opened again in the app"): a model file trained by the CLI opens as a run on the
 * Train view, with its curves and stored metrics; Evaluate scores it on the loaded dataset's test split; Export
 * writes it again. Files that are not model files say what they are.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expect, openView, repoPath, screenshot, test, useSample } from './app/fixtures.ts';
import { hasTorch, trainWithTorchrun, unpackPackage } from './app/pytorch-package.ts';

/** A penguins model file written by the CLI. */
function cliModel(): {
  path: string;
  model: { metrics: { test: { accuracy: number } }; history: unknown[]; spec: { layers: unknown[] } };
} {
  const dir = mkdtempSync(join(tmpdir(), 'bps-e2e-open-model-'));
  const path = join(dir, 'penguins.model.json');
  const cli = spawnSync(
    process.execPath,
    [
      repoPath('bin/backprop-studio.mjs'),
      'train',
      repoPath('resources/samples/penguins.csv'),
      '--target',
      'species',
      '--epochs',
      '12',
      '--seed',
      '3',
      '--backend',
      'cpu',
      '--out',
      path,
      '--quiet',
    ],
    { encoding: 'utf8' },
  );
  expect(cli.status, cli.stderr).toBe(0);
  return { path, model: JSON.parse(readFileSync(path, 'utf8')) };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Open a file through the Open model file… button of the current view. */
async function openModelFile(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open model file…' }).first().click(),
  ]);
  await chooser.setFiles(file);
}

test('a CLI-trained model file opens as a run: curves, stored metrics, Evaluate, Export', async ({ app: page }) => {
  const { path, model } = cliModel();
  await useSample(page, 'penguins');
  await expect(page.getByRole('heading', { name: 'penguins.csv' })).toBeVisible();
  await openView(page, 'Train');

  // A CSV opened by mistake says what it is, and adds no run.
  await openModelFile(page, repoPath('resources/samples/penguins.csv'));
  await expect(page.getByRole('alert')).toContainText(
    'penguins.csv looks like a CSV table, not a model file. ' +
      'Load it on the Data view (Load CSV), or open a model file (.json) exported by Backprop Studio.',
  );

  await openModelFile(page, path);
  await expect(page.getByText('Opened penguins.model.json as run "penguins".')).toBeVisible();
  const runs = page.getByRole('region', { name: /^Runs/ });
  await expect(runs.getByRole('button', { name: /^penguins from/ })).toContainText('from penguins.model.json');
  await expect(runs.getByRole('button', { name: /^penguins from/ })).toContainText(`${model.history.length} ep`);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Epoch 12 / 12' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Loss' })).toContainText(/Epoch 12: train loss \d/);
  await expect(page.getByRole('figure', { name: 'Accuracy' })).toContainText(/Epoch 12: train Accuracy/);
  await screenshot(page, 'open-model-train');

  await openView(page, 'Evaluate');
  const stored = page.getByRole('region', { name: 'Metrics stored in penguins.model.json' });
  await expect(stored.getByRole('row', { name: /^Test/ })).toContainText(percent(model.metrics.test.accuracy));
  // Scored again on the loaded dataset's test split: the same rows, the same accuracy.
  await expect(page.getByText('Test accuracy')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.cards')).toContainText(percent(model.metrics.test.accuracy));
  await screenshot(page, 'open-model-evaluate');

  await openView(page, 'Export');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export model' }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as typeof model;
  expect(exported.metrics).toEqual(model.metrics);
  const [onnx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download penguins-penguins.onnx' }).click(),
  ]);
  expect(readFileSync(await onnx.path()).length).toBeGreaterThan(1000);

  // Continue training goes on from the opened weights, as a new run.
  await openView(page, 'Train');
  await expect(page.getByText('its optimizer starts afresh (a model file keeps no optimizer state)')).toBeVisible();
  await page.getByLabel('Continue for').fill('2');
  await page.getByRole('button', { name: 'Continue training' }).click();
  await expect(runs.getByRole('button', { name: /^Run 2 \(continues penguins\)/ })).toContainText('14 ep', {
    timeout: 60_000,
  });

  // The opened network reaches the Model view only when asked, as one undo step.
  await openView(page, 'Model');
  const network = page.getByRole('list', { name: 'Network' }).getByRole('listitem');
  await expect(network).toHaveCount(0);
  await openView(page, 'Train');
  await runs.getByRole('button', { name: /^penguins from/ }).click();
  await page.getByRole('button', { name: 'Use this network' }).click();
  // The hidden layers are listed; the output layer ends every network below the list.
  await expect(network).toHaveCount(model.spec.layers.length - 1);
  await expect(network.first()).toHaveAccessibleName('Dense dense-1');
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await expect(network).toHaveCount(0);

  // Kept by the autosave: after a reload the opened run comes back, with its model in the worker again.
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-up-to-date', 'true', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  await openView(page, 'Evaluate');
  await expect(page.getByRole('region', { name: 'Metrics stored in penguins.model.json' })).toBeVisible();
  await expect(page.locator('.cards')).toContainText(percent(model.metrics.test.accuracy), { timeout: 30_000 });
  await screenshot(page, 'open-model-use-network');
});

test('without its dataset, a model file shows its stored metrics and names the missing columns', async ({
  app: page,
}) => {
  const { path, model } = cliModel();
  await useSample(page, 'iris');
  await openView(page, 'Evaluate');
  await openModelFile(page, path);
  await openView(page, 'Evaluate');
  const stored = page.getByRole('region', { name: 'Metrics stored in penguins.model.json' });
  await expect(stored.getByRole('row', { name: /^Test/ })).toContainText(percent(model.metrics.test.accuracy));
  await expect(page.getByRole('alert')).toContainText(
    "The loaded dataset lacks the columns 'island', 'bill_length_mm', " +
      "'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex', 'year' that the model was trained on",
  );

  // Dropped on the window, a model file (.json) opens as a run too.
  const transfer = await page.evaluateHandle(
    (text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.model.json'));
      return dt;
    },
    readFileSync(path, 'utf8'),
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
  await expect(page.getByText('Opened dropped.model.json as run "dropped".')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Run' }).locator('option:checked')).toHaveText('dropped');

  // A project file opened as a model says where to open it instead.
  const project = join(mkdtempSync(join(tmpdir(), 'bps-e2e-open-model-')), 'study.json');
  writeFileSync(project, JSON.stringify({ format: 'backprop-studio/project', version: 1, runs: [] }));
  await openModelFile(page, project);
  await expect(page.getByRole('alert').first()).toContainText(
    'study.json is a Backprop Studio project, not a model ' +
      'file. Open it with Open project (File ▸ Open… or Ctrl+O)',
  );
});

test('round trip: app-trained, exported as a PyTorch package, trained on under torchrun, opened again', async ({
  app: page,
}) => {
  test.skip(!hasTorch, '/usr/bin/python3 has no torch and pandas: the PyTorch package cannot run here');
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await openView(page, 'Export');
  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('group', { name: 'PyTorch package' })
      .getByRole('button', { name: 'Download iris-run-1-pytorch.zip' })
      .click(),
  ]);
  const files = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  const pkg = unpackPackage(files, 'bps-e2e-open-model-torch-');
  const trained = trainWithTorchrun(pkg, repoPath('resources/samples/iris.csv'), 3, 'trained.model.json');
  expect(trained.status, trained.stderr).toBe(0);
  const model = JSON.parse(readFileSync(join(pkg, 'trained.model.json'), 'utf8')) as {
    history: unknown[];
    metrics: { validation: { accuracy: number } };
  };

  await openView(page, 'Train');
  await openModelFile(page, join(pkg, 'trained.model.json'));
  await expect(page.getByText('Opened trained.model.json as run "trained".')).toBeVisible();
  await expect(
    page.getByRole('region', { name: /^Runs/ }).getByRole('button', { name: /^trained from/ }),
  ).toContainText(`${model.history.length} ep`);
  await screenshot(page, 'open-model-torchrun-train');
  await openView(page, 'Evaluate');
  // train.py scores the rows it trained on and its validation rows; the app scores the loaded dataset's test split.
  const stored = page.getByRole('region', { name: 'Metrics stored in trained.model.json' });
  await expect(stored.getByRole('row', { name: /^Validation/ })).toContainText(
    `${(model.metrics.validation.accuracy * 100).toFixed(1)}%`,
  );
  await expect(page.getByText('Test accuracy')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await screenshot(page, 'open-model-torchrun-evaluate');
});
