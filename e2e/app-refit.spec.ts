/**
 * Issue 17: after early stopping chose the epochs, the app's run refits the final model on training +
 * validation rows and says so; the training settings offer the refit and the class weights.
 */
import { expect, openView, screenshot, test, useSample } from './app/fixtures.ts';

test('a regression run with early stopping is refitted on train+validation, and the Train view says so', async ({
  app: page,
}) => {
  await useSample(page, 'diabetes');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple regressor' }).click();
  await openView(page, 'Train');
  const early = page.getByRole('checkbox', { name: 'Stop early when the validation loss stops improving' });
  const refit = page.getByRole('checkbox', {
    name: 'Then train the final model afresh on training + validation rows for the epochs early stopping chose',
  });
  await expect(refit).toHaveCount(0);
  await early.check();
  await expect(refit).toBeChecked();
  await expect(page.getByLabel('Class weights (classification)')).toHaveValue('auto');
  await page.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill('6');
  await page.getByLabel('Backend').selectOption('cpu');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByText(
      /^Early stopping chose \d+ epochs?; training the final model afresh on the training and validation rows together \(\d+ rows\)/,
    ),
  ).toBeVisible();
  await screenshot(page, 'refit-note');
});
