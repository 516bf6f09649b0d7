/**
 * Issue 5, test 5: a run on the gpu.js `webgl2` backend, inside the engine worker (OffscreenCanvas),
 * reports that backend in the badge.
 */
import { epochStatus, expect, openView, screenshot, test, useSample } from './app/fixtures.ts';

test('a run on the webgl2 backend in the worker reports that backend', async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('30');
  await page.getByLabel('Backend').selectOption('gpujs-webgl2');
  await page.getByRole('button', { name: 'Start training' }).click();
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toContainText('WebGL2', { timeout: 60_000 });
  await expect(badge).toHaveAttribute('title', /gpujs-webgl2/);
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 120_000 });
  expect(await epochStatus(page)).toEqual({ epoch: 30, of: 30 });
  await expect(badge).toContainText('WebGL2');
  await screenshot(page, 'train-webgl2');
  // The model trained on the GPU is evaluated like any other.
  await openView(page, 'Evaluate');
  await expect(page.locator('.metric').filter({ hasText: 'Test accuracy' })).toBeVisible({ timeout: 30_000 });
});
