/**
 * Issue 8: step through one training iteration on iris with a two-hidden-layer network — forward, loss,
 * backward and update — on the initial weights, on a finished run and on a paused run. A small learning
 * rate lowers the loss on the same row and a large one raises it (with an explanation); the gradient shown
 * for one weight equals the CLI's `gradients` output for that weight and row; the controls work from the
 * keyboard and the values are in tables. Screenshots of each step in the light and dark themes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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
  useSample,
} from './app/fixtures.ts';

interface GradientsJson {
  loss: number;
  gradients: { layer: string; name: string; shape: number[]; data: number[] }[];
}

/** The step-through region. */
function region(page: Page): Locator {
  return page.getByRole('region', { name: 'Step through one training iteration' });
}

/** The stage heading ("Forward · layer dense_1", "Loss", …). */
async function stageTitle(page: Page): Promise<string> {
  return (await region(page).getByRole('heading', { level: 2 }).innerText()).trim();
}

/** The status line under the settings, once a step is computed. */
function computed(page: Page): Locator {
  return region(page).getByRole('status').filter({ hasText: 'computed on' });
}

/** A number as the UI prints it (thousands separators, exponents, the minus sign). */
function parseShown(text: string): number {
  return Number(text.trim().replace(/,/g, '').replace('−', '-'));
}

/** `shown` (significant digits as printed) equals `exact` to display precision. */
function expectShown(shown: string, exact: number): void {
  const mantissa = shown.trim().replace(/^[-−]/, '').replace(/e.*$/, '').replace(/,/g, '');
  const digits = mantissa.replace('.', '').replace(/^0+/, '').length;
  const exponent = Math.floor(Math.log10(Math.abs(exact)));
  const halfUnit = 0.5 * 10 ** (exponent - Math.max(1, digits) + 1);
  expect(Math.abs(parseShown(shown) - exact), `${shown} vs ${exact}`).toBeLessThanOrEqual(halfUnit * 1.001);
}

/** Scroll the view's own scroll box so that the element is at its top. */
async function scrollTo(page: Page, selector: string): Promise<void> {
  await page
    .locator(selector)
    .first()
    .evaluate((e) => {
      const box = e.closest('.main');
      if (box) box.scrollTop += e.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
    });
}

/** Screenshots of a stage: the drawing (stepper at the top), then the panels below it. */
async function shoot(page: Page, name: string): Promise<void> {
  // Keep the pointer off the drawing (scrolling moves the connections under it).
  await page.mouse.move(1, 1);
  await scrollTo(page, 'nav[aria-label="Steps of the iteration"]');
  await screenshot(page, `${name}-drawing`);
  await scrollTo(page, '.step-through .panels');
  await screenshot(page, `${name}-panels`);
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => {
    document.documentElement.dataset['theme'] = t;
  }, theme);
}

/** Set a field of the step settings and wait for the engine's new step. */
async function setStepField(page: Page, label: string, value: string): Promise<void> {
  const field = region(page).getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
  // The step is computed in the engine's worker: seconds on a busy machine.
  await expect(region(page).getByText('Computing the step in the engine…')).toHaveCount(0, { timeout: 30_000 });
  await expect(computed(page)).toBeVisible();
}

// Screenshots right after a theme switch must not catch colour transitions half-way.
test.use({ reducedMotion: 'reduce' });

test("iris: step through forward, loss, backward and update; the gradients equal the CLI's", async ({ app: page }) => {
  test.setTimeout(240_000);
  await importCsv(page, repoPath('resources/samples/iris.csv'));
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await page.getByLabel('Target column').selectOption('species');
  await expect(page.getByText('Classification · 3 classes')).toBeVisible();

  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await expect(networkItems(page)).toHaveCount(2);
  await expect(page.getByText('3 layers · 403 parameters')).toBeVisible();

  // ---- Before training: the initial weights of the network (its seed). The tab opens from the keyboard.
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Step through' }).focus();
  await page.keyboard.press('Enter');
  const r = region(page);
  await expect(computed(page)).toContainText('the initial weights of the current network (seed 42)', {
    timeout: 30_000,
  });
  await setStepField(page, 'Learning rate for this step', '0.001');
  await dismissToasts(page);
  await page.mouse.move(1, 1);
  await screenshot(page, 'step-00-settings-light');

  const stages: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await r.getByRole('button', { name: 'Forward' }).click();
    for (let i = 0; i < 10; i++) {
      const title = await stageTitle(page);
      if (theme === 'light') stages.push(title);
      await shoot(
        page,
        `step-${String(i + 1).padStart(2, '0')}-${title.replace(/[^\w]+/g, '-').toLowerCase()}-${theme}`,
      );
      if (i < 9) await r.getByRole('button', { name: 'Next step' }).click();
    }
  }
  await setTheme(page, 'light');
  expect(stages).toEqual([
    'Forward · the inputs',
    'Forward · layer dense_1',
    'Forward · layer dense_2',
    'Forward · the output layer',
    'Loss',
    'Backward · the output layer',
    'Backward · layer dense_2',
    'Backward · layer dense_1',
    'Backward · the inputs',
    'Update',
  ]);

  // Update: a small learning rate lowers the loss on the same row …
  const before = parseShown(await r.getByTestId('loss-before').innerText());
  expect(parseShown(await r.getByTestId('loss-after').innerText())).toBeLessThan(before);
  await expect(r.getByTestId('loss-verdict')).toContainText('went down');
  // … and on a small batch of 8 rows, a large one raises it, with the reason and what to do.
  await setStepField(page, 'Rows in this step', '8');
  await setStepField(page, 'Learning rate for this step', '1');
  const batchBefore = parseShown(await r.getByTestId('loss-before').innerText());
  expect(parseShown(await r.getByTestId('loss-after').innerText())).toBeGreaterThan(batchBefore);
  await expect(r.getByTestId('loss-verdict')).toContainText('went up');
  await expect(r.getByRole('note').filter({ hasText: 'The step was too large.' })).toContainText(
    'Try a smaller learning rate for this step, such as 0.1.',
  );
  await shoot(page, 'step-10-update-too-large-light');
  await setStepField(page, 'Learning rate for this step', '0.1');
  expect(parseShown(await r.getByTestId('loss-after').innerText())).toBeLessThan(batchBefore);
  await setStepField(page, 'Rows in this step', '1');
  await setStepField(page, 'Learning rate for this step', '');

  // ---- Keyboard: arrows move between steps; the connection is chosen with the selects; values as tables.
  await r.getByRole('button', { name: 'Previous step' }).focus();
  await page.keyboard.press('Home');
  expect(await stageTitle(page)).toBe('Forward · the inputs');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  expect(await stageTitle(page)).toBe('Loss');
  await expect(r.getByLabel('Loss with numbers')).toHaveText(/^L = −ln p\[\w+\] = −ln 0\.\d+ = \d+\.\d+$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await stageTitle(page)).toBe('Backward · layer dense_1');
  await r.getByLabel('Connection layer').selectOption({ label: 'dense_1 (from Input)' });
  await r.getByLabel('Connection from').selectOption({ label: 'petal_length_cm' });
  await r.getByLabel('Connection to').selectOption({ label: 'dense_1 #4' });
  await expect(r.getByText('equals the sum')).toBeVisible();
  await r.getByRole('button', { name: 'Show values as tables' }).press('Enter');
  const table = r.getByRole('region', { name: 'dense_1 values' }).getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Unit', '∂L/∂a', '∂L/∂z']);
  await expect(table.getByRole('row')).toHaveCount(17);
  await shoot(page, 'step-11-table-view-light');
  await r.getByRole('button', { name: 'Show the drawing' }).press('Enter');

  // ---- A finished run: the weights it reached; the gradient of one weight equals the CLI's.
  await page.getByRole('tab', { name: 'Live charts' }).click();
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Step through' }).click();
  await r.getByLabel('Weights').selectOption({ label: 'Run 1 · final weights' });
  await expect(computed(page)).toContainText('Run 1, final weights', { timeout: 30_000 });
  await setStepField(page, 'Training row', '7');
  await r.getByRole('button', { name: 'Backward' }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await stageTitle(page)).toBe('Backward · layer dense_1');
  await r.getByLabel('Connection layer').selectOption({ label: 'dense_1 (from Input)' });
  await r.getByLabel('Connection from').selectOption({ label: 'petal_length_cm' });
  await r.getByLabel('Connection to').selectOption({ label: 'dense_1 #4' });
  await expect(r.getByText('equals the sum')).toBeVisible();
  const shownGradient = await r.getByTestId('engine-gradient').innerText();
  const dataRow = Number(
    await r.getByRole('group', { name: 'The rows of this step' }).locator('tbody td').first().innerText(),
  );
  await shoot(page, 'step-12-run-gradient-light');

  await openView(page, 'Export');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model' }).click();
  const modelFile = test.info().outputPath('iris.model.json');
  await (await downloading).saveAs(modelFile);
  const csv = readFileSync(repoPath('resources/samples/iris.csv'), 'utf8').trim().split('\n');
  const rowFile = test.info().outputPath('row.csv');
  writeFileSync(rowFile, `${csv[0]}\n${csv[dataRow]}\n`);
  const out = execFileSync(
    'node',
    [repoPath('bin/backprop-studio.mjs'), 'gradients', modelFile, rowFile, '--rows', '1'],
    { encoding: 'utf8' },
  );
  const cli = JSON.parse(out) as GradientsJson;
  const kernel = cli.gradients.find((g) => g.layer === 'dense_1' && g.name === 'kernel');
  expect(kernel?.shape).toEqual([4, 16]);
  // petal_length_cm is input 3 (0-based 2), dense_1 #4 is unit 3: w[2·16 + 3].
  expectShown(shownGradient, kernel!.data[2 * 16 + 3]!);

  // ---- A paused run: its current weights, on its own backend.
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Live charts' }).click();
  await page.getByLabel('Epochs').fill('100000');
  await page.getByRole('button', { name: 'Start training' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Step through' }).click();
  await r.getByLabel('Weights').selectOption({ label: 'Run 2 · paused' });
  await expect(computed(page)).toContainText(/Run 2, paused at epoch \d+ \(\d+ of 4 batches done\)/, {
    timeout: 30_000,
  });
  await expect(r.getByRole('button', { name: 'Compute again' })).toHaveCount(0);
  await r.getByRole('button', { name: 'Update' }).click();
  await expect(r.getByTestId('loss-after')).toBeVisible();
  await shoot(page, 'step-13-paused-run-light');
  await page.getByRole('tab', { name: 'Live charts' }).click();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Stopped', { exact: true })).toBeVisible({ timeout: 30_000 });
});

test('a layer of 300 units is summarised: the largest units plus an aggregate', async ({ app: page }) => {
  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await page.locator('[data-layer-id="dense_1"]').click();
  await page.getByLabel('Units').fill('300');
  await expect(page.locator('[data-layer-id="dense_1"]')).toContainText('300 units');
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Step through' }).click();
  const r = region(page);
  await expect(computed(page)).toBeVisible({ timeout: 30_000 });
  await dismissToasts(page);
  await r.getByRole('button', { name: 'Next step' }).click();
  await expect(r.getByRole('img', { name: /Network at this step/ }).getByText('+285 more')).toBeVisible();
  await shoot(page, 'step-14-large-layer-light');
  await r.getByRole('button', { name: 'Backward' }).click();
  await r.getByRole('button', { name: 'Next step' }).click();
  await r.getByRole('button', { name: 'Next step' }).click();
  await expect(r.getByRole('img', { name: /Network at this step/ }).getByText('+285 more')).toBeVisible();
  await setTheme(page, 'dark');
  await shoot(page, 'step-15-large-layer-backward-dark');
});

test('regression with six sigmoid layers: the gradient strip explains vanishing gradients', async ({ app: page }) => {
  await useSample(page, 'diabetes');
  await expect(page.getByRole('heading', { name: 'diabetes.csv' })).toBeVisible();
  await openView(page, 'Model');
  for (let i = 1; i <= 6; i++) {
    await page.getByRole('button', { name: 'Add Dense layer' }).click();
    await page.locator(`[data-layer-id="dense_${i}"]`).click();
    await page.getByLabel('Units').fill('8');
    await page.getByRole('region', { name: 'Inspector' }).getByRole('combobox').first().selectOption('sigmoid');
  }
  await expect(networkItems(page)).toHaveCount(6);
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Step through' }).click();
  const r = region(page);
  await expect(computed(page)).toBeVisible({ timeout: 30_000 });
  await dismissToasts(page);
  await r.getByRole('button', { name: 'Update' }).click();
  await expect(r.getByRole('note').filter({ hasText: 'vanishing gradients' })).toContainText(
    /at 'dense_1' they are [\d,.e+]+× smaller than at 'output'/,
  );
  await scrollTo(page, '.step-through .panels');
  await screenshot(page, 'step-16-vanishing-light');
  await r.getByRole('button', { name: 'Forward' }).click();
  for (let i = 0; i < 7; i++) await r.getByRole('button', { name: 'Next step' }).click();
  expect(await stageTitle(page)).toBe('Forward · the output layer');
  await expect(
    r.getByText(
      /The output layer gives the prediction ŷ = -?[\d.]+; the true target is -?[\d.]+ \(standardized; [\d.]+ in the data's units\)\./,
    ),
  ).toBeVisible();
  await shoot(page, 'step-17-regression-output-light');
});

test('the same step on the CPU and on gpu.js WebGL2 shows the same gradients', async ({ app: page }) => {
  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await openView(page, 'Train');
  const shown: Record<string, string> = {};
  for (const [backend, label] of [
    ['cpu', 'CPU'],
    ['gpujs-webgl2', 'WebGL2'],
  ] as const) {
    await page.getByLabel('Backend').selectOption(backend);
    await page.getByRole('tab', { name: 'Step through' }).click();
    const r = region(page);
    const again = r.getByRole('button', { name: 'Compute again' });
    if (await again.isVisible()) await again.click();
    await expect(computed(page)).toContainText(label, { timeout: 60_000 });
    await r.getByRole('button', { name: 'Backward' }).click();
    await r.getByLabel('Connection layer').selectOption({ label: 'dense_1 (from Input)' });
    await r.getByLabel('Connection from').selectOption({ label: 'petal_length_cm' });
    await r.getByLabel('Connection to').selectOption({ label: 'dense_1 #11' });
    await r.getByRole('button', { name: 'Next step' }).click();
    await r.getByRole('button', { name: 'Next step' }).click();
    await expect(r.getByText('equals the sum')).toBeVisible();
    shown[backend] = await r.getByTestId('engine-gradient').innerText();
  }
  // Both float32; summation order differs on the GPU, so allow one unit in the last digit shown.
  const [cpu, gpu] = [parseShown(shown['cpu'] ?? ''), parseShown(shown['gpujs-webgl2'] ?? '')];
  expect(cpu).not.toBe(0);
  expect(Math.abs(gpu - cpu), `${shown['cpu']} vs ${shown['gpujs-webgl2']}`).toBeLessThanOrEqual(Math.abs(cpu) * 1e-3);
  await dismissToasts(page);
  await shoot(page, 'step-18-webgl2-light');
});
