/**
 * Issue 7: a hyperparameter sweep in the app. On iris with one hidden layer, search the learning rate and
 * the hidden units (6 random trials, 2 at once, 30 epochs each): the engine's validation message appears
 * beside a bad range, the trial table fills while trials train in parallel, the parallel-coordinates chart
 * draws a line per trial and its brush filters the table, the importance and the curves show, the CSV
 * export is the engine's table, "Use best" puts the best trial's values into the training settings and
 * the network (undo restores the layers), the results survive a reload, and the best configuration
 * retrained on train+validation is a run the Evaluate view scores. Screenshots in light and dark themes.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import {
  dismissToasts,
  expect,
  importCsv,
  networkItems,
  openView,
  repoPath,
  screenshot,
  test,
} from './app/fixtures.ts';

const LR = 'training.optimizer.learningRate';
const UNITS = 'layers[*dense].units';

function region(page: Page): Locator {
  return page.getByRole('region', { name: 'Hyperparameter sweep' });
}

/** Pick a theme with the top bar's button (it cycles system → light → dark), so the charts repaint. */
async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  for (let i = 0; i < 3 && !(await page.getByRole('button', { name: `Theme: ${theme}` }).count()); i++) {
    await page.getByRole('button', { name: /^Theme: / }).click();
  }
  await expect(page.getByRole('button', { name: `Theme: ${theme}` })).toBeVisible();
}

/** Scroll the Train view's main column so that `target` is at its top, then take a screenshot. */
async function shootAt(page: Page, target: Locator, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await target.evaluate((e) => {
    const box = e.closest('.main');
    if (box) box.scrollTop += e.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  });
  await screenshot(page, name);
}

/** The CSV as rows of named cells. */
function parseCsv(text: string): Record<string, string>[] {
  const [head, ...rows] = text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ''])));
}

// Screenshots right after a theme switch must not catch colour transitions half-way.
test.use({ reducedMotion: 'reduce' });

test('iris: a sweep fills the table and the parallel coordinates, and its best trial is applied and retrained', async ({
  app: page,
}) => {
  test.setTimeout(240_000);
  await importCsv(page, repoPath('resources/samples/iris.csv'));
  await page.getByLabel('Target column').selectOption('species');
  await expect(page.getByText('Classification · 3 classes')).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await expect(networkItems(page)).toHaveCount(1);
  // 4 → 16 → 3: (4·16 + 16) + (16·3 + 3) = 131 parameters.
  await expect(page.getByText('2 layers · 131 parameters')).toBeVisible();

  await openView(page, 'Train');
  // Long trials first (small batches, many epochs): they run until cancelled or stopped.
  await page.getByLabel('Epochs').fill('100000');
  await page.getByLabel('Batch size').fill('4');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  const r = region(page);
  const space = r.getByRole('region', { name: 'Search space' });
  // The space starts from the learning rate (around the current 0.01) and the hidden units (around 16).
  await expect(space.getByRole('group', { name: 'Learning rate' })).toBeVisible();
  await expect(space.getByLabel('Learning rate: min')).toHaveValue('0.001');
  await expect(space.getByLabel('Learning rate: max')).toHaveValue('0.1');
  await expect(space.getByLabel('Units · every hidden layer: min')).toHaveValue('4');
  await expect(space.getByLabel('Units · every hidden layer: max')).toHaveValue('64');

  // The engine's message appears beside the range it is about, and goes when the range is fixed.
  await space.getByLabel('Learning rate: max').fill('0.0001');
  await expect(
    space
      .getByRole('alert')
      .filter({ hasText: 'Max (0.0001) must be greater than min (0.001). Swap or widen the bounds.' }),
  ).toBeVisible();
  await expect(space.getByLabel('Learning rate: max')).toHaveAttribute('aria-invalid', 'true');
  await expect(r.getByRole('button', { name: 'Start sweep' })).toBeDisabled();
  await space.getByLabel('Learning rate: max').fill('0.1');
  await space.getByLabel('Trials').fill('0');
  await expect(space.getByRole('alert').filter({ hasText: 'trials must be a whole number' })).toBeVisible();
  await space.getByLabel('Trials').fill('4');
  await space.getByLabel('Concurrency').fill('2');
  await expect(space.getByRole('status')).toHaveText(
    '4 trials, 2 at once · up to 400,000 epochs in all · scored on 15 validation rows',
  );
  await expect(space.getByRole('alert')).toHaveCount(0);

  // Trials run two at a time in their own workers; one can be cancelled while the sweep goes on.
  await r.getByRole('button', { name: 'Start sweep' }).click();
  const progress = r.getByRole('region', { name: 'Sweep progress' });
  const running = progress.getByRole('list', { name: 'Running trials' }).getByRole('listitem');
  await expect(running).toHaveCount(2, { timeout: 30_000 });
  await expect(progress.getByText('2 workers', { exact: false })).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel trial 1' }).click();
  const table = r.getByRole('table', { name: 'Trial table' });
  await expect(table.locator('tr[data-trial="1"]')).toContainText('Cancelled', { timeout: 30_000 });
  // The next trial starts in the freed worker, and the estimate needs progress from the running trials.
  await expect(progress.getByRole('button', { name: 'Cancel trial 3' })).toBeVisible({ timeout: 30_000 });
  await expect(progress.getByTestId('sweep-eta')).toContainText('left', { timeout: 30_000 });
  await dismissToasts(page);
  await shootAt(page, r, 'sweep-01-running-light');
  // Stop ends the running trials after their current batch and starts no more.
  await r.getByRole('button', { name: 'Stop sweep' }).click();
  await expect(progress.getByText('Stopped')).toBeVisible({ timeout: 30_000 });
  await expect(table.locator('tbody tr[data-trial]')).toHaveCount(3);
  await expect(table.getByText('Cancelled')).toHaveCount(3);
  await expect(r.getByRole('region', { name: 'Best trial' })).toContainText('stopped before any trial finished');

  // Now a short sweep that runs to the end, with the default concurrency: all cores but one (how
  // responsive the page stays meanwhile is measured by `npm run bench:ui`).
  // Scored on 30% of the rows (45), so accuracies of close trials can differ; few epochs and learning
  // rates down to 0.0001, so the learning rate matters.
  await page.getByLabel('Epochs').fill('50');
  await space.getByLabel('Learning rate: min').fill('0.0001');
  await page.getByLabel('Validation split %').fill('30');
  await space.getByLabel('Trials').fill('6');
  await space.getByLabel('Concurrency').fill('');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(space.getByLabel('Concurrency')).toHaveAttribute('placeholder', String(Math.max(1, cores - 1)));
  await expect(space.getByRole('status')).toHaveText(
    `6 trials, ${Math.max(1, cores - 1)} at once · up to 300 epochs in all · scored on 45 validation rows`,
  );
  await shootAt(page, r, 'sweep-02-space-light');
  await r.getByRole('button', { name: 'Start sweep' }).click();
  await expect(progress.getByText('Finished')).toBeVisible({ timeout: 120_000 });
  await expect(progress.getByRole('status')).toHaveText('6 / 6 trials');
  await expect(table.locator('tbody tr[data-trial]')).toHaveCount(6);
  await expect(table.getByText('Done')).toHaveCount(6);

  // One line per trial in the parallel coordinates, the best drawn on top; curves and importance show.
  const parallel = r.getByRole('figure', { name: 'Parallel coordinates' });
  await expect(parallel).toHaveAttribute('data-lines', '6');
  await expect(parallel.locator('svg g.lines path:not(.best):not(.hot)')).toHaveCount(6);
  await expect(parallel.locator('svg path.best')).toHaveCount(1);
  await expect(parallel.locator('svg .axis-label')).toHaveText([
    'Learning rate',
    'Units (all hidden)',
    'Validation accuracy',
  ]);
  await expect(r.getByRole('figure', { name: 'Learning curves' })).toHaveAttribute('data-series', '6');
  await expect(r.getByRole('figure', { name: 'Learning curves' }).locator('canvas')).toHaveCount(1);
  await expect(r.getByRole('region', { name: 'Hyperparameter importance' }).getByRole('meter')).toHaveCount(2);
  const best = r.getByRole('region', { name: 'Best trial' });
  const bestTrial = Number(/Trial (\d+)/.exec(await best.innerText())?.[1]);
  await expect(table.locator(`tr.best[data-trial="${bestTrial}"]`)).toBeVisible();
  await dismissToasts(page);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await shootAt(page, progress, `sweep-03-results-${theme}`);
    await shootAt(page, r.getByRole('figure', { name: 'Learning curves' }), `sweep-04-curves-table-${theme}`);
  }
  await setTheme(page, 'light');

  // Brushing a narrow band of the learning-rate axis around the best trial keeps it (and any trial with
  // a learning rate that close); a click on the axis clears the brush.
  await parallel.scrollIntoViewIfNeeded();
  const dot = await parallel.locator('circle.best-dot').first().boundingBox();
  const zone = await parallel.locator('rect.brush-zone').first().boundingBox();
  if (!dot || !zone) throw new Error('the best trial or the learning-rate axis is not on screen');
  const cx = zone.x + zone.width / 2;
  const cy = dot.y + dot.height / 2;
  await page.mouse.move(cx, cy - 5);
  await page.mouse.down();
  await page.mouse.move(cx, cy + 5, { steps: 4 });
  await page.mouse.up();
  await expect(r.getByText(/Showing \d of 6 trials/)).toBeVisible();
  const shown = await table.locator('tbody tr[data-trial]').count();
  expect(shown).toBeGreaterThanOrEqual(1);
  expect(shown).toBeLessThan(6);
  await expect(r.getByText(`Showing ${shown} of 6 trials`)).toBeVisible();
  await expect(table.locator(`tr[data-trial="${bestTrial}"]`)).toBeVisible();
  await expect(parallel.locator('rect.brush')).toHaveCount(1);
  await shootAt(page, parallel, 'sweep-05-brushed-light');
  const axis = await parallel.locator('rect.brush-zone').first().boundingBox();
  if (!axis) throw new Error('the learning-rate axis is not on screen');
  await page.mouse.click(axis.x + axis.width / 2, axis.y + axis.height / 2);
  await expect(table.locator('tbody tr[data-trial]')).toHaveCount(6);
  await expect(parallel.locator('rect.brush')).toHaveCount(0);

  // Sorting by trial number, then back to rank order (best first).
  await table.getByRole('button', { name: '#' }).click();
  await expect(table.locator('tbody tr[data-trial]').first()).toHaveAttribute('data-trial', '1');
  await expect(table.getByRole('columnheader', { name: '#' })).toHaveAttribute('aria-sort', 'ascending');
  await r.getByRole('button', { name: 'Rank order' }).click();
  await expect(table.locator('tbody tr[data-trial]').first()).toHaveAttribute('data-trial', String(bestTrial));

  // The CSV is the engine's trial table: the best trial ranks first.
  const downloading = page.waitForEvent('download');
  await r.getByRole('button', { name: 'Export CSV' }).click();
  const csv = parseCsv(readFileSync(await (await downloading).path(), 'utf8'));
  expect(csv).toHaveLength(6);
  expect(csv.every((row) => row.status === 'done')).toBe(true);
  const first = csv.find((row) => row.rank === '1');
  expect(Number(first?.trial)).toBe(bestTrial);
  expect(Object.keys(first ?? {})).toEqual(
    expect.arrayContaining(['trial', 'rank', 'status', 'valAccuracy', LR, UNITS, 'epochs', 'seed', 'durationMs']),
  );
  const bestLr = first?.[LR] ?? '';
  const bestUnits = Number(first?.[UNITS]);

  // "Use best" sets the training settings and the network to the best trial's values.
  await r.getByRole('button', { name: 'Use best' }).click();
  await expect(
    page.getByRole('form', { name: 'Training settings' }).getByLabel('Learning rate', { exact: true }),
  ).toHaveValue(bestLr);
  const params = 4 * bestUnits + bestUnits + (bestUnits * 3 + 3);
  await expect(page.getByRole('contentinfo').getByText(`${params.toLocaleString('en-US')} parameters`)).toBeVisible();
  await openView(page, 'Model');
  await expect(page.getByText(`2 layers · ${params.toLocaleString('en-US')} parameters`)).toBeVisible();
  // The layer change is one undo step, like an edit by hand.
  if (bestUnits !== 16) {
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('2 layers · 131 parameters')).toBeVisible();
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(page.getByText(`2 layers · ${params.toLocaleString('en-US')} parameters`)).toBeVisible();
  }

  // The sweep is part of the project: it is back after a reload (autosave).
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-up-to-date', 'true', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  await expect(table.locator('tbody tr[data-trial]')).toHaveCount(6);
  await expect(parallel).toHaveAttribute('data-lines', '6');
  await expect(best).toContainText(`Trial ${bestTrial}`);

  // Retrain the best configuration on train+validation: a run the Evaluate view scores on the test rows.
  await best.getByRole('button', { name: 'Retrain best on train+validation' }).click();
  await expect(best.getByRole('status')).toContainText(`Sweep trial ${bestTrial} (train+val): trained`, {
    timeout: 60_000,
  });
  await best.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByText('Test accuracy')).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'sweep-06-retrained-evaluate-light');
  // … and the Export view exports it: the best trial's layer sizes, metrics on train(+validation) and test.
  await openView(page, 'Export');
  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model' }).click();
  const model = JSON.parse(readFileSync(await (await exporting).path(), 'utf8')) as {
    weights: { layer: string; name: string; shape: number[] }[];
    metrics: Record<string, unknown>;
    spec: { training: { epochs: number } };
  };
  expect(model.weights.filter((w) => w.name === 'kernel').map((w) => w.shape)).toEqual([
    [4, bestUnits],
    [bestUnits, 3],
  ]);
  expect(Object.keys(model.metrics).sort()).toEqual(['test', 'train']);
});

// Hyperband in the app: cheap (9 epochs at most per trial), so it runs to the end.
test("iris: Hyperband can be chosen, splits its trials over its brackets and shows each trial's bracket and rung", async ({
  app: page,
}) => {
  await importCsv(page, repoPath('resources/samples/iris.csv'));
  await page.getByLabel('Target column').selectOption('species');
  await expect(page.getByText('Classification · 3 classes')).toBeVisible();
  await openView(page, 'Train');
  // 9 epochs, minEpochs 9/3² = 1, eta 3: brackets of 9, 5 and 3 trials in the standard plan.
  await page.getByLabel('Epochs').fill('9');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  const r = region(page);
  const space = r.getByRole('region', { name: 'Search space' });
  await space.getByLabel('Strategy').selectOption('hyperband');
  await expect(space.getByText('Successive halving in several brackets')).toBeVisible();
  await space.getByLabel('Concurrency').fill('2');
  await space.getByLabel('Trials').fill('2');
  await expect(
    space
      .getByRole('alert')
      .filter({ hasText: "trials (2) is too few for 'hyperband': from 1 to 9 epochs with eta 3 it runs 3 brackets" }),
  ).toBeVisible();
  await expect(r.getByRole('button', { name: 'Start sweep' })).toBeDisabled();
  // 6 trials split 3 + 2 + 1: 3×1 → 1×3 → 1×9, 2×3 → 1×9 and 1×9 epochs, 11 + 12 + 9 in all.
  await space.getByLabel('Trials').fill('6');
  await expect(space.getByRole('status')).toHaveText(
    '6 trials, 2 at once · up to 32 epochs in all · scored on 15 validation rows',
  );
  await r.getByRole('button', { name: 'Start sweep' }).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="sweep-progress"]')?.getAttribute('data-phase') === 'completed',
    null,
    { timeout: 60_000, polling: 200 },
  );
  const table = r.getByRole('table', { name: 'Trial table' });
  await expect(table.locator('tbody tr[data-trial]')).toHaveCount(6);
  await expect(table.getByText('Done')).toHaveCount(3);
  await expect(table.getByText('Pruned')).toHaveCount(3);
  await table.getByRole('button', { name: '#' }).click();
  const cells = async (name: string) => {
    const headers = await table.locator('thead th').allInnerTexts();
    const column = headers.findIndex((h) => h.trim() === name);
    return table.locator(`tbody tr[data-trial] td:nth-child(${column + 1})`).allInnerTexts();
  };
  const brackets = await cells('Bracket');
  const rungs = await cells('Rung');
  expect(brackets).toEqual(['2', '2', '2', '1', '1', '0']);
  // In each bracket the best trial went on to the last rung, the rest stopped at the first.
  expect([rungs.slice(0, 3).sort(), rungs.slice(3, 5).sort(), rungs.slice(5)]).toEqual([
    ['0', '0', '2'],
    ['0', '1'],
    ['0'],
  ]);
  await dismissToasts(page);
  await shootAt(page, table, 'sweep-07-hyperband-light');
});
