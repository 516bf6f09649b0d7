/**
 * Issue 12, item 11: Evaluate after a failed run shows the latest finished run (saying why), or says there is
 * none — never a blank Run selector and "Waiting for the run to finish…".
 */
import { expect, openView, screenshot, test, useSample } from './app/fixtures.ts';
import type { Page } from '@playwright/test';

async function train(page: Page, learningRate: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Optimizer' }).selectOption('sgd');
  await page.getByLabel('Learning rate').fill(learningRate);
  await page.getByLabel('Epochs').fill('3');
  await page.getByLabel('Backend').selectOption('cpu');
  await page.getByRole('button', { name: 'Start training' }).click();
}

test('Evaluate after a failed run shows the latest finished run', async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await train(page, '0.05');
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await train(page, '1e30');
  await expect(page.getByText('Training diverged and was stopped')).toBeVisible({ timeout: 60_000 });

  await openView(page, 'Evaluate');
  await expect(
    page.getByText('Run 2 failed, so it has no model to evaluate. Showing Run 1, the latest finished run.'),
  ).toBeVisible();
  await expect(page.getByLabel('Run')).toHaveValue(/.+/);
  await expect(page.getByLabel('Run').locator('option:checked')).toHaveText('Run 1');
  await expect(page.getByText('Test accuracy')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Waiting for the run to finish…')).toHaveCount(0);
  await screenshot(page, 'evaluate-after-failed-run');
});

test('Evaluate with only a failed run says there is none', async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await train(page, '1e30');
  await expect(page.getByText('Training diverged and was stopped')).toBeVisible({ timeout: 60_000 });

  await openView(page, 'Evaluate');
  await expect(page.getByRole('heading', { name: 'Nothing to evaluate yet' })).toBeVisible();
  await expect(
    page.getByText(/^Run 1 failed, so it has no model to evaluate\. No run has finished yet\./),
  ).toBeVisible();
  await expect(page.getByLabel('Run')).toHaveCount(0);
  await screenshot(page, 'evaluate-only-failed-run');
});
