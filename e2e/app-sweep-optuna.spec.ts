/**
 * Issue 15: a sweep that ran elsewhere — an Optuna study from `sweep --export-optuna` run by study.py (two processes
 * on one SQLite file), or `sweep --out` — opens in the Sweep view with "Open trials CSV": its trials fill the table
 * and the parallel coordinates, without loading the data first. A file that is not a trials CSV says why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openView, repoPath, screenshot, test, useSample } from './app/fixtures.ts';

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import optuna, torch, pandas'], { encoding: 'utf8' });
const noPython =
  probe.status === 0
    ? ''
    : `${PYTHON} cannot import optuna, torch and pandas: install python3-optuna, python3-torch, python3-pandas`;
const tmp = mkdtempSync(path.join(tmpdir(), 'bps-e2e-optuna-'));

function cli(...args: string[]): void {
  const r = spawnSync(process.execPath, [repoPath('bin/backprop-studio.mjs'), ...args], { encoding: 'utf8', cwd: tmp });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

function python(args: string[]): Promise<number | null> {
  return new Promise((resolve) => spawn(PYTHON, args, { cwd: tmp, stdio: 'ignore' }).on('close', resolve));
}

/** Pick `file` in the dialog "Open trials CSV" opens. */
async function openTrials(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open trials CSV' }).click();
  await (await chooser).setFiles(file);
}

const space = path.join(tmp, 'space.json');
writeFileSync(
  space,
  JSON.stringify({
    seed: 3,
    parameters: {
      'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.003, max: 0.03 },
      'layers[dense-1].units': { distribution: 'int', min: 4, max: 16 },
    },
    spec: {
      layers: [
        { id: 'dense-1', type: 'dense', units: 8 },
        { id: 'output', type: 'dense', units: 'auto' },
      ],
      training: { epochs: 3 },
    },
  }),
);
const iris = repoPath('resources/samples/iris.csv');

test('an Optuna study run by two processes opens in the Sweep view: table and parallel coordinates', async ({
  app: page,
}) => {
  test.skip(noPython !== '', noPython);
  test.setTimeout(300_000);
  const dir = path.join(tmp, 'study');
  cli('sweep', iris, '--target', 'species', '--space', space, '--export-optuna', dir);
  const storage = `sqlite:///${path.join(tmp, 'study.db')}`;
  const study = path.join(dir, 'study.py');
  expect(await Promise.all([1, 2].map(() => python([study, '--storage', storage, '--trials', '2'])))).toEqual([0, 0]);
  const csv = path.join(tmp, 'optuna-trials.csv');
  expect(await python([study, '--storage', storage, '--export-trials', csv])).toBe(0);

  // No dataset loaded: the Sweep tab still offers to open the trials.
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  await expect(page.getByRole('heading', { name: 'Sweep hyperparameters' })).toBeVisible();
  await screenshot(page, 'sweep-optuna-empty');
  await openTrials(page, csv);
  await expect(page.getByText('Opened 4 trials from optuna-trials.csv.')).toBeVisible();
  const r = page.getByRole('region', { name: 'Hyperparameter sweep' });
  await expect(r.getByText('Trials opened from optuna-trials.csv')).toBeVisible();
  const table = r.getByRole('table', { name: 'Trial table' });
  await expect(table.getByRole('row')).toHaveCount(5);
  const parallel = r.getByRole('figure', { name: 'Parallel coordinates' });
  await expect(parallel).toHaveAttribute('data-lines', '4');
  await expect(parallel.locator('svg .axis-label')).toHaveText([
    'Learning rate',
    'Units · dense-1',
    'Validation accuracy',
  ]);
  await expect(r.getByRole('region', { name: 'Best trial' })).toContainText('Validation accuracy');
  await screenshot(page, 'sweep-optuna-opened');
});

test('a trials CSV from `sweep --out` opens next to the data; a file that is not one says why', async ({
  app: page,
}) => {
  const csv = path.join(tmp, 'cli-trials.csv');
  cli(
    'sweep',
    iris,
    '--target',
    'species',
    '--space',
    space,
    '--trials',
    '3',
    '--concurrency',
    '1',
    '--out',
    csv,
    '--quiet',
  );
  await useSample(page, 'iris');
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  const r = page.getByRole('region', { name: 'Hyperparameter sweep' });
  await openTrials(page, iris);
  await expect(
    page.getByText("iris.csv could not be opened as trials: Line 1: the trials CSV has no 'trial', 'rank', 'status',"),
  ).toBeVisible();
  await expect(r.getByRole('table', { name: 'Trial table' })).toHaveCount(0);
  // Opening a bad file again replaces its message; the good file's message then replaces it (no red toasts
  // left over the charts).
  await openTrials(page, iris);
  await expect(page.getByText('iris.csv could not be opened as trials:')).toHaveCount(1);

  await openTrials(page, csv);
  await expect(r.getByRole('table', { name: 'Trial table' }).getByRole('row')).toHaveCount(4);
  await expect(page.getByText('could not be opened as trials')).toHaveCount(0);
  await expect(page.getByText('Opened 3 trials from cli-trials.csv.')).toBeVisible();
  await expect(r.getByRole('figure', { name: 'Parallel coordinates' })).toHaveAttribute('data-lines', '3');
  await expect(r.getByRole('region', { name: 'Search space' })).toBeVisible();
  await screenshot(page, 'sweep-cli-trials-opened');
});
