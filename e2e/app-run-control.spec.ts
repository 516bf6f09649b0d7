/**
 * Issue 5, test 3: pause and resume a run, stop it mid-run, then reload the page: the project and its
 * last run (history, charts, model) are restored from the browser's autosave.
 */
import {
  chartPoints,
  epochStatus,
  expect,
  networkItems,
  openView,
  screenshot,
  test,
  useSample,
} from './app/fixtures.ts';

test('pause, resume and stop a run; a reload restores the project and the stopped run', async ({ app: page }) => {
  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await page.getByLabel('Project name').fill('Iris pause test');
  await page.getByLabel('Project name').press('Enter');
  await expect(page.getByLabel('Project name')).toHaveValue('Iris pause test');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Deeper network' }).click();
  await expect(networkItems(page)).toHaveCount(3);

  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('200000');
  await page.getByLabel('Batch size').fill('4');
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect.poll(async () => (await epochStatus(page)).epoch, { timeout: 30_000 }).toBeGreaterThan(20);

  // Pause: the run holds still.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible({ timeout: 30_000 });
  // "Paused" shows with the epoch the run paused at (the worker sends its epochs before it pauses).
  const pausedAt = (await epochStatus(page)).epoch;
  // Held still: nothing moves for a while. (A wait on purpose: this checks that nothing happens.)
  await page.waitForTimeout(1000);
  expect((await epochStatus(page)).epoch).toBe(pausedAt);
  // No time left is promised while nothing runs: the training time so far shows instead.
  await expect(page.getByTitle('Estimated time left')).toHaveCount(0);
  await expect(page.getByTitle('Training time')).toBeVisible();
  await screenshot(page, 'train-paused');

  // Resume: it moves on from where it was.
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(async () => (await epochStatus(page)).epoch, { timeout: 30_000 }).toBeGreaterThan(pausedAt + 20);

  // Stop: the run keeps its model.
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Stopped', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Start training' })).toBeEnabled();
  const stopped = await epochStatus(page);
  expect(stopped.of).toBe(200000);
  expect(stopped.epoch).toBeGreaterThan(pausedAt);
  expect(stopped.epoch).toBeLessThan(200000);
  const points = await chartPoints(page, 'Loss');
  expect(points).toBe(stopped.epoch);
  await expect(page.getByRole('region', { name: 'Runs' }).getByText('stopped')).toBeVisible();
  await screenshot(page, 'train-stopped');

  // The stopped run's model is usable: it is evaluated.
  await openView(page, 'Evaluate');
  await expect(page.locator('.metric').filter({ hasText: 'Test accuracy' })).toBeVisible({ timeout: 30_000 });
  const accuracyBefore = await page
    .locator('.metric')
    .filter({ hasText: 'Test accuracy' })
    .locator('.value')
    .innerText();

  // Everything is autosaved; reload the page.
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-up-to-date', 'true', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });

  await expect(page.getByLabel('Project name')).toHaveValue('Iris pause test');
  await openView(page, 'Data');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await expect(page.getByLabel('Target column')).toHaveValue('species');
  await openView(page, 'Model');
  await expect(networkItems(page)).toHaveCount(3);

  await openView(page, 'Train');
  await expect(page.getByText('Stopped', { exact: true })).toBeVisible();
  expect(await epochStatus(page)).toEqual(stopped);
  await expect.poll(() => chartPoints(page, 'Loss')).toBe(points);
  await expect(page.getByLabel('Epochs')).toHaveValue('200000');
  await screenshot(page, 'train-restored');

  await openView(page, 'Evaluate');
  const card = page.locator('.metric').filter({ hasText: 'Test accuracy' });
  await expect(card.locator('.value')).toHaveText(accuracyBefore);
  await screenshot(page, 'evaluate-restored');
});
