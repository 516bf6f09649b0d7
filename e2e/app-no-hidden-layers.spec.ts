/**
 * Issue 12, item 10: a network of only the output layer (the "Linear baseline" template, or every hidden layer
 * deleted) is linear or logistic regression, and trains; a disabled train button says why.
 */
import { epochStatus, expect, networkItems, openView, screenshot, test, useSample } from './app/fixtures.ts';

test('the Linear baseline template trains as a linear regression', async ({ app: page }) => {
  await useSample(page, 'diabetes');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple regressor' }).click();
  await expect(networkItems(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Linear baseline' }).click();
  await expect(networkItems(page)).toHaveCount(0);
  await expect(page.getByText('Ready to train')).toBeVisible();
  const next = page.getByRole('button', { name: 'Next: train it' });
  await expect(next).toBeEnabled();
  await screenshot(page, 'linear-baseline-model');
  await next.click();

  await page.getByLabel('Epochs').fill('3');
  await page.getByLabel('Backend').selectOption('cpu');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  expect(await epochStatus(page)).toEqual({ epoch: 3, of: 3 });
  await screenshot(page, 'linear-baseline-trained');
});

test('deleting every hidden layer leaves a logistic regression that trains', async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await expect(networkItems(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Delete dense_1' }).click();
  await expect(networkItems(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next: train it' })).toBeEnabled();
  // Classification offers the same baseline as a template.
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await expect(networkItems(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Logistic baseline' }).click();
  await expect(networkItems(page)).toHaveCount(0);
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('2');
  await page.getByLabel('Backend').selectOption('cpu');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  expect(await epochStatus(page)).toEqual({ epoch: 2, of: 2 });
  // Step through works on it too: one layer forward, the fused softmax gradient back, one update.
  await page.getByRole('tab', { name: 'Step through' }).click();
  const steps = page.getByRole('region', { name: 'Step through one training iteration' });
  await expect(steps.getByText('Add at least one hidden layer')).toHaveCount(0);
  await steps.getByRole('button', { name: 'Backward' }).click();
  await expect(steps.getByRole('heading', { name: 'Backward · the output layer', level: 2 })).toBeVisible();
});

test('a disabled train button says why', async ({ app: page }) => {
  await openView(page, 'Model');
  const next = page.getByRole('button', { name: 'Next: train it' });
  await expect(next).toBeDisabled();
  await expect(next).toHaveAccessibleDescription('Load a dataset first (Data view).');
  await expect(page.getByText('Load a dataset first (Data view).')).toBeVisible();

  await page.getByRole('tab', { name: /Data$/ }).click();
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await page.getByLabel('Units').fill('0');
  await expect(next).toBeDisabled();
  await expect(next).toHaveAccessibleDescription('Fix 1 problem in the network or settings first.');
  await openView(page, 'Train');
  const start = page.getByRole('button', { name: 'Start training' });
  await expect(start).toBeDisabled();
  await expect(start).toHaveAccessibleDescription('Fix 1 problem in the network or settings first.');
  await screenshot(page, 'train-blocked-reason');

  // While a run trains: the settings say why they are locked; the Model view's Next button still leads to it.
  await openView(page, 'Model');
  await page.getByLabel('Units').fill('4');
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('100000');
  await start.click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeEnabled({ timeout: 30_000 });
  await expect(
    page
      .getByRole('note')
      .filter({ hasText: 'Run 1 is training: these settings are locked until it ends. They apply to the next run.' }),
  ).toBeVisible();
  await openView(page, 'Model');
  await next.click();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Stopped', { exact: true })).toBeVisible({ timeout: 30_000 });
});
