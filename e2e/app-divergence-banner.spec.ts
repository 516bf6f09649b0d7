/** Issue 12: the divergence banner goes once the settings that caused it are changed (it stayed after the fix). */
import { expect, openView, screenshot, test, useSample } from './app/fixtures.ts';

test('the divergence banner goes once the learning rate is changed, and comes back if it is set back', async ({
  app: page,
}) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByRole('combobox', { name: 'Optimizer' }).selectOption('sgd');
  await page.getByLabel('Learning rate').fill('1e30');
  await page.getByLabel('Epochs').fill('3');
  await page.getByLabel('Backend').selectOption('cpu');
  await page.getByRole('button', { name: 'Start training' }).click();
  const banner = page.getByText('Training diverged and was stopped');
  await expect(banner).toBeVisible({ timeout: 60_000 });

  // The number of epochs does not cause a divergence: the banner stays.
  await page.getByLabel('Epochs').fill('4');
  await expect(banner).toBeVisible();
  await page.getByLabel('Learning rate').fill('0.01');
  await expect(banner).toHaveCount(0);
  await expect(
    page.getByText('Run 1 diverged; the settings have changed since. Start training to try them.'),
  ).toBeVisible();
  await screenshot(page, 'divergence-banner-gone');

  await page.getByLabel('Learning rate').fill('1e30');
  await expect(banner).toBeVisible();
});
