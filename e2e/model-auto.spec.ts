/**
 * Issue 17: the Model view's "Find a good network". Without data the search cannot start and says why; the time
 * budget box refuses 0, -1 and text with messages that say what to type, and caps 100000 s with a note. On iris,
 * a search with an 8 s budget opens the Sweep tab, where its trials appear live (the default network and the
 * linear baseline labelled) under a progress bar; when the budget is up, the best network is retrained on
 * training + validation as the current run, which the Evaluate view scores, and a notice names its validation
 * score beside the linear baseline's. The trials survive a reload (they are part of the project). A second search
 * cancelled mid-way keeps its finished trials and changes no run. The progress bar covers the refit (its step is
 * shown, and 100% comes only with the loaded run), and the default network's label shows while its trial runs.
 * Screenshots of the form and of the search.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, importCsv, openView, repoPath, screenshot, test } from './app/fixtures.ts';

function form(page: Page): Locator {
  return page.getByRole('region', { name: 'Find a good network' });
}

function sweepRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Hyperparameter sweep' });
}

/** The Sweep tab's trial rows. */
function trialRows(page: Page): Locator {
  return sweepRegion(page).locator('tbody tr[data-trial]');
}

async function openForm(page: Page): Promise<void> {
  await openView(page, 'Model');
  const toggle = page.getByRole('button', { name: 'Find a good network' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(form(page)).toBeVisible();
}

/**
 * Record what the Sweep tab shows at every change of the page (a MutationObserver, so a step that lasts a few
 * frames is seen without timing): the auto search's step, the progress bar's status and value, and the labels of
 * the trials that are running.
 */
async function recordSteps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { auto: string; state: string; value: string; runningLabels: string[] }[] = [];
    (window as unknown as { autoSteps: typeof seen }).autoSteps = seen;
    const look = () => {
      const progress = document.querySelector('[data-testid="sweep-progress"]');
      if (!progress) return;
      const runningLabels = [...document.querySelectorAll('tbody tr[data-trial]')]
        .filter((tr) => tr.querySelector('.badge')?.textContent?.trim() === 'Running')
        .map((tr) => tr.querySelector('.trial-label')?.textContent?.trim() ?? '')
        .filter((label) => label !== '');
      const step = {
        auto: progress.getAttribute('data-auto') ?? '',
        state: progress.querySelector('.state')?.textContent?.trim() ?? '',
        value: progress.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? '',
        runningLabels,
      };
      const last = seen.at(-1);
      if (JSON.stringify(last) !== JSON.stringify(step)) seen.push(step);
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

async function recordedSteps(
  page: Page,
): Promise<{ auto: string; state: string; value: string; runningLabels: string[] }[]> {
  return page.evaluate(() => (window as unknown as { autoSteps: [] }).autoSteps);
}

test.use({ reducedMotion: 'reduce' });

test('iris: "Find a good network" searches within its budget, shows the trials and loads the winner as a run', async ({
  app: page,
}) => {
  test.setTimeout(300_000);
  // No data yet: the search cannot start, and says why.
  await openForm(page);
  const start = form(page).getByRole('button', { name: 'Start search' });
  await expect(start).toBeDisabled();
  await expect(
    form(page).getByText('Load a dataset and choose its target column on the Data view first.'),
  ).toBeVisible();

  await openView(page, 'Data');
  await importCsv(page, repoPath('resources/samples/iris.csv'));
  await page.getByLabel('Target column').selectOption('species');
  await expect(page.getByText('Classification · 3 classes')).toBeVisible();
  await openForm(page);
  const budget = form(page).getByLabel('Time budget (seconds)');
  await expect(budget).toHaveValue('60');
  await expect(start).toBeEnabled();

  // Hostile budgets: each says what is wrong and what to type, and Start stays disabled.
  const bad: [string, string][] = [
    ['0', 'Time budget 0 s is too short: a search needs at least 5 s to train a few networks. Enter 5 or more.'],
    ['-1', 'Time budget -1 s is too short: a search needs at least 5 s to train a few networks. Enter 5 or more.'],
    ['abc', 'Time budget “abc” is not a number of seconds. Enter a number from 5 to 86,400, such as 60.'],
    ['', 'Time budget is empty. Enter the seconds the search may take, from 5 to 86,400 (60 is a good start).'],
  ];
  for (const [text, message] of bad) {
    await budget.fill(text);
    await expect(form(page).locator('#auto-budget-message')).toHaveText(message);
    await expect(budget).toHaveAttribute('aria-invalid', 'true');
    await expect(start).toBeDisabled();
  }
  await budget.fill('100000');
  await expect(form(page).locator('#auto-budget-message')).toHaveText(
    'Time budget 100,000 s is more than the 86,400 s (24 hours) a search may take; the search will stop at 86,400 s.',
  );
  await expect(start).toBeEnabled();
  await budget.fill('8');
  await expect(budget).toHaveAttribute('aria-invalid', 'false');
  await screenshot(page, 'model-auto-01-form');

  // Start: the Sweep tab opens and the trials come in under a progress bar that follows the budget.
  await recordSteps(page);
  await start.click();
  await expect(page.getByRole('tab', { name: /Sweep/ })).toHaveAttribute('aria-selected', 'true');
  const region = sweepRegion(page);
  // The search starts once the engine has checked it and started its trial workers.
  await expect(region.getByRole('status').filter({ hasText: 'Finding a good network' })).toBeVisible({
    timeout: 30_000,
  });
  const progress = region.getByTestId('sweep-progress');
  await expect(progress).toContainText(/\d+ s budget, search and refit/, { timeout: 30_000 });
  await expect(trialRows(page).first()).toBeVisible({ timeout: 60_000 });
  await page.mouse.move(1, 1);
  await screenshot(page, 'model-auto-02-searching');

  // The budget ends the search; the winner is retrained and loaded, beside the linear baseline's score.
  const outcome = region.getByRole('status').filter({ hasText: /Chosen: trial \d+/ });
  await expect(outcome).toBeVisible({ timeout: 180_000 });
  await expect(outcome).toContainText('(linear baseline ');
  await expect(progress).toHaveAttribute('data-phase', 'completed');
  // The bar covered the refit: the refit step was shown, and the bar reached 100% only once the network was loaded.
  await expect(progress).toHaveAttribute('data-auto', 'done');
  const steps = await recordedSteps(page);
  const refitting = steps.filter((x) => x.auto === 'retraining');
  expect(refitting.length).toBeGreaterThan(0);
  expect(refitting.every((x) => x.state === 'Refitting the best network on training + validation rows…')).toBe(true);
  expect(refitting.every((x) => Number(x.value) < 100)).toBe(true);
  expect(steps.filter((x) => x.auto === 'searching').every((x) => Number(x.value) < 100)).toBe(true);
  expect(steps.at(-1)?.value).toBe('100');
  // The first trial's label showed while it was still running, not only once it finished.
  expect(steps.some((x) => x.runningLabels.includes('default network'))).toBe(true);
  await expect(region.locator('.trial-label', { hasText: 'default network' })).toHaveCount(1);
  await expect(region.locator('.trial-label', { hasText: 'linear baseline' })).toHaveCount(1);
  const trials = await trialRows(page).count();
  expect(trials).toBeGreaterThanOrEqual(2);
  // The kept network is the search's best, or the default network (trial 1) when the best is not clearly ahead.
  const winner = Number(/Chosen: trial (\d+)/.exec(await outcome.innerText())?.[1]);
  const bestCard = region.getByRole('region', { name: 'Best trial' });
  const best = Number(/Trial (\d+)/.exec(await bestCard.innerText())?.[1]);
  expect(winner === best || winner === 1).toBe(true);
  await screenshot(page, 'model-auto-03-done');

  await openView(page, 'Evaluate');
  await expect(page.getByLabel('Run')).toHaveValue(/.+/);
  await expect(page.getByLabel('Run').locator('option:checked')).toHaveText(
    `Found network: trial ${winner} (train+val)`,
  );
  await expect(page.getByText('Test accuracy')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'model-auto-04-evaluate');

  // The search is part of the project: its trials, labels and best are back after a reload (autosave).
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-up-to-date', 'true', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  await expect(trialRows(page)).toHaveCount(trials);
  await expect(region.locator('.trial-label', { hasText: 'linear baseline' })).toHaveCount(1);
  await expect(bestCard).toContainText(`Trial ${best}`);

  // … and in a saved project file, opened again after New project.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save project' }).first().click();
  const file = test.info().outputPath('iris.bpstudio');
  await (await downloading).saveAs(file);
  await page.getByRole('button', { name: 'New project' }).click();
  await expect(page.getByRole('heading', { name: 'Start with your data' })).toBeVisible();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open project' }).click();
  await (await choosing).setFiles(file);
  await expect(page.getByLabel('Project name')).toHaveValue('iris');
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  await expect(trialRows(page)).toHaveCount(trials);
  await expect(region.locator('.trial-label', { hasText: 'default network' })).toHaveCount(1);
  await expect(bestCard).toContainText(`Trial ${best}`);

  // A second search, cancelled once a trial has finished: the finished trials stay and no run is added.
  await openForm(page);
  await budget.fill('600');
  await start.click();
  await expect(page.getByRole('tab', { name: /Sweep/ })).toHaveAttribute('aria-selected', 'true');
  await expect(region.locator('tbody tr[data-trial] .badge', { hasText: 'Done' }).first()).toBeVisible({
    timeout: 60_000,
  });
  await region.getByRole('button', { name: 'Cancel search' }).click();
  await expect(
    region
      .getByRole('status')
      .filter({ hasText: /Search cancelled\. The (\d+ )?finished trials? stays? on the Sweep tab/ }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect(progress).toHaveAttribute('data-phase', 'cancelled');
  expect(await trialRows(page).count()).toBeGreaterThanOrEqual(1);
  await openView(page, 'Evaluate');
  await expect(page.getByLabel('Run').locator('option')).toHaveCount(1);
});
