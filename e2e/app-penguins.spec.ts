/**
 * Issue 5, test 2: penguins, with missing values (NA) and text columns (island, sex), trains to a test
 * accuracy of at least 0.95 as shown in the Evaluate view, with no manual preprocessing.
 */
import { expect, openView, screenshot, test, useSample } from './app/fixtures.ts';

test('penguins: missing values and text columns, test accuracy ≥ 0.95 in Evaluate', async ({ app: page }) => {
  await useSample(page, 'penguins');
  await expect(page.getByRole('heading', { name: 'penguins.csv' })).toBeVisible();
  await expect(page.getByLabel('Target column')).toHaveValue('species');
  await expect(page.getByText('Classification · 3 classes')).toBeVisible();
  // The profile shows the missing values and the text columns, which the defaults fill and encode.
  const sex = page.getByRole('article', { name: 'sex' });
  await expect(sex.getByText(/missing \(\d+%\)/)).toBeVisible();
  await expect(sex.getByText('Categorical', { exact: true }).first()).toBeVisible();
  await expect(
    page.getByRole('article', { name: 'island' }).getByText('Categorical', { exact: true }).first(),
  ).toBeVisible();
  await screenshot(page, 'data-penguins');

  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await expect(page.getByText('Ready to train')).toBeVisible();
  await screenshot(page, 'model-penguins');

  await openView(page, 'Train');
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 90_000 });
  await screenshot(page, 'train-penguins');

  await openView(page, 'Evaluate');
  const card = page.locator('.metric').filter({ hasText: 'Test accuracy' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  const text = await card.locator('.value').innerText();
  const accuracy = Number(text.replace('%', '')) / 100;
  expect(accuracy, `test accuracy shown: ${text}`).toBeGreaterThanOrEqual(0.95);
  // Clicking a confusion-matrix cell lists its rows.
  await page.getByRole('button', { name: /^Actual Adelie, predicted Adelie: \d+ rows$/ }).click();
  await expect(
    page
      .getByRole('region', { name: /^Actual Adelie, predicted Adelie/ })
      .getByRole('row')
      .nth(1),
  ).toBeVisible();
  await screenshot(page, 'evaluate-penguins');
});
