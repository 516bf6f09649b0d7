/**
 * Continue training: train iris for a few epochs, continue it for a few more as "Run 2 (continues Run 1)"
 * with the epoch counter, the loss chart and the exported model's history going on from epoch 7; the
 * control waits while another run trains, a stopped run continues by keyboard, a reopened project
 * continues with a fresh optimizer and says so, and another dataset is named as the reason not to.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  chartPoints,
  epochStatus,
  expect,
  importCsv,
  openView,
  repoPath,
  screenshot,
  test,
  useSample,
} from './app/fixtures.ts';

interface ModelJson {
  history: { epoch: number; epochs: number }[];
  spec: { training: { epochs: number } };
  training: { epochsRun: number; bestEpoch: number; stopReason: string };
}

/** A run's entry in the run list, by its exact name. */
function runEntry(page: Page, name: string) {
  return page
    .getByRole('region', { name: /^Runs/ })
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });
}

/** The Continue training panel. */
function panel(page: Page) {
  return page.getByRole('region', { name: 'Continue training' });
}

test('continue a run for more epochs: the counter, the chart and the model go on; stopped and reopened runs continue too', async ({
  app: page,
}) => {
  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('6');
  await page.getByLabel('Backend').selectOption('wasm');
  // Nothing to continue before a run has ended.
  await expect(panel(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  expect(await epochStatus(page)).toEqual({ epoch: 6, of: 6 });
  expect(await chartPoints(page, 'Loss')).toBe(6);

  // ---- Continue Run 1 for 4 more epochs: a new run, numbered on from epoch 7.
  await expect(panel(page)).toContainText('Run 1 goes on from epoch 7');
  const more = panel(page).getByLabel('Continue for');
  await expect(more).toHaveValue('10');
  await more.fill('0');
  await expect(panel(page).getByRole('alert')).toHaveText('Enter a whole number of epochs, 1 or more (not 0).');
  await expect(panel(page).getByRole('button', { name: 'Continue training' })).toBeDisabled();
  await more.fill('4');
  await expect(panel(page)).toContainText('more epochs, to epoch 10');
  await panel(page).getByRole('button', { name: 'Continue training' }).click();
  await expect(runEntry(page, 'Run 2 (continues Run 1)')).toBeVisible();
  await expect.poll(() => epochStatus(page), { timeout: 60_000 }).toEqual({ epoch: 10, of: 10 });
  await expect(page.getByText('Finished')).toBeVisible();
  expect(await chartPoints(page, 'Loss')).toBe(10);
  await expect(page.getByRole('figure', { name: 'Loss', exact: true })).toContainText('Epoch 10: train loss');
  await expect(runEntry(page, 'Run 2 (continues Run 1)')).toContainText('10 ep');
  await expect(runEntry(page, 'Run 1')).toContainText('6 ep');
  await expect(page.getByTestId('backend-badge')).toContainText('WebAssembly');
  await screenshot(page, 'train-continued');

  // The continued run evaluates and exports like any run; its model holds all 10 epochs.
  await openView(page, 'Evaluate');
  await expect(page.locator('.metric').filter({ hasText: 'Test accuracy' })).toBeVisible({ timeout: 30_000 });
  await openView(page, 'Export');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model' }).click();
  const file = test.info().outputPath('continued.model.json');
  await (await downloading).saveAs(file);
  const model = JSON.parse(readFileSync(file, 'utf8')) as ModelJson;
  expect(model.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(model.training).toMatchObject({ epochsRun: 10, bestEpoch: 10, stopReason: 'completed' });
  expect(model.spec.training.epochs).toBe(10);

  // ---- While a run trains, no other run can be continued, and the control says why.
  await openView(page, 'Train');
  await expect(panel(page)).toContainText('Run 2 (continues Run 1) goes on from epoch 11');
  await panel(page).getByLabel('Continue for').fill('200000');
  await panel(page).getByRole('button', { name: 'Continue training' }).click();
  await expect(runEntry(page, 'Run 3 (continues Run 2)')).toBeVisible();
  await expect.poll(async () => (await epochStatus(page)).epoch, { timeout: 30_000 }).toBeGreaterThan(15);
  await expect(panel(page)).toHaveCount(0);
  await runEntry(page, 'Run 1')
    .getByRole('button', { name: /^Run 1/ })
    .click();
  await expect(panel(page).getByRole('button', { name: 'Continue training' })).toBeDisabled();
  await expect(panel(page)).toContainText(
    'Run 3 (continues Run 2) is training. Wait for it to end, or stop it, to continue Run 1.',
  );
  await runEntry(page, 'Run 3 (continues Run 2)')
    .getByRole('button', { name: /^Run 3/ })
    .click();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Stopped', { exact: true })).toBeVisible({ timeout: 30_000 });
  const stopped = await epochStatus(page);
  expect(stopped.of).toBe(200010);
  expect(stopped.epoch).toBeGreaterThan(15);

  // ---- A stopped run continues too, by keyboard: the field, then Enter.
  const field = panel(page).getByLabel('Continue for');
  await field.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(runEntry(page, 'Run 4 (continues Run 3)')).toBeVisible();
  await expect
    .poll(() => epochStatus(page), { timeout: 60_000 })
    .toEqual({ epoch: stopped.epoch + 3, of: stopped.epoch + 3 });
  await expect(page.getByText('Finished')).toBeVisible();
  expect(await chartPoints(page, 'Loss')).toBe(stopped.epoch + 3);

  // ---- Saved and reopened: the runs are there; the optimizer state is not, so continuing says so.
  await openView(page, 'Export');
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save project' }).first().click();
  const project = test.info().outputPath('continued.bpstudio');
  await (await saving).saveAs(project);
  const saved = JSON.parse(readFileSync(project, 'utf8')) as {
    name: string;
    runs: { name: string; continues: { name: string; epochs: number } | null; history: unknown[] }[];
  };
  expect(saved.runs.map((r) => [r.name, r.continues?.name ?? null, r.history.length])).toEqual([
    ['Run 1', null, 6],
    ['Run 2 (continues Run 1)', 'Run 1', 10],
    ['Run 3 (continues Run 2)', 'Run 2 (continues Run 1)', stopped.epoch],
    ['Run 4 (continues Run 3)', 'Run 3 (continues Run 2)', stopped.epoch + 3],
  ]);
  await page.getByRole('button', { name: 'New project' }).click();
  await expect(page.getByRole('heading', { name: 'Start with your data' })).toBeVisible();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open project' }).click();
  await (await choosing).setFiles(project);
  await expect(page.getByLabel('Project name')).toHaveValue(saved.name);
  await openView(page, 'Train');
  await expect(runEntry(page, 'Run 4 (continues Run 3)')).toContainText(`${stopped.epoch + 3} ep`);
  expect(await epochStatus(page)).toEqual({ epoch: stopped.epoch + 3, of: stopped.epoch + 3 });
  await panel(page).getByLabel('Continue for').fill('2');
  await panel(page).getByRole('button', { name: 'Continue training' }).click();
  await expect(runEntry(page, 'Run 5 (continues Run 4)')).toBeVisible();
  await expect
    .poll(() => epochStatus(page), { timeout: 60_000 })
    .toEqual({ epoch: stopped.epoch + 5, of: stopped.epoch + 5 });
  await expect(
    page.getByText("The earlier run's optimizer state is not kept (a run reopened from a file keeps only its weights)"),
  ).toBeVisible();
  await screenshot(page, 'train-continued-reopened');

  // ---- Another dataset: the run's weights do not fit it, and the control names it.
  await openView(page, 'Data');
  await importCsv(page, repoPath('resources/samples/diabetes.csv'));
  await expect(page.getByRole('heading', { name: 'diabetes.csv' })).toBeVisible();
  await openView(page, 'Train');
  await runEntry(page, 'Run 1')
    .getByRole('button', { name: /^Run 1/ })
    .click();
  await expect(panel(page).getByRole('button', { name: 'Continue training' })).toBeDisabled();
  await expect(panel(page)).toContainText(
    "The loaded dataset (diabetes.csv) has no column 'species', which Run 1 predicts",
  );
});
