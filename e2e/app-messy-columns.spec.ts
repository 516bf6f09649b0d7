/**
 * A penguins_raw-like file: the default target is Species, not the mostly missing free-text
 * Comments, with a note saying why; the "84% missing" warning shows once and goes when the column is
 * ignored; a column with missing values offers a "was missing" indicator; a file with dates offers a
 * time-ordered split and warns about the random one.
 */
import { expect, importCsv, repoPath, screenshot, test } from './app/fixtures.ts';

test('penguins_raw: target, warnings, indicator and split by time', async ({ app: page }) => {
  await importCsv(page, repoPath('engine/data/fixtures/penguins-raw.csv'));
  await expect(page.getByLabel('Target column')).toHaveValue('Species');
  const note = page.getByRole('note');
  await expect(note).toHaveText(
    "The last column, 'Comments', is not used as the target because 84% of its values are missing; 'Species' was chosen by its name. Choose the column you want to predict.",
  );
  await expect(page.getByText('Classification · 3 classes')).toBeVisible();

  const missing = page.locator('.warnings li').filter({ hasText: "84% of column 'Comments' is missing" });
  await expect(missing).toHaveCount(1);
  const randomSplit = page
    .locator('.warnings li')
    .filter({ hasText: "The rows are split at random, but column 'Date Egg' holds dates." });
  await expect(randomSplit).toHaveCount(1);
  await screenshot(page, 'messy-columns-loaded');

  const features = page.locator('dt', { hasText: 'Input features' }).locator('xpath=following-sibling::dd[1]');
  const before = Number(await features.textContent());
  const sex = page.getByRole('article', { name: 'Sex' });
  await sex.getByLabel('"Was missing" feature').selectOption('true');
  await expect(features).toHaveText(String(before + 1));

  // A date column can feed the sine and cosine of its cycles instead of its plain parts.
  const eggDate = page.getByRole('article', { name: 'Date Egg' });
  await expect(eggDate.getByLabel('Date encoding')).toHaveValue('parts');
  await eggDate.getByLabel('Date encoding').selectOption('cyclical');
  await expect(features).not.toHaveText(String(before + 1));
  await screenshot(page, 'messy-columns-cyclical-dates');
  await eggDate.getByLabel('Date encoding').selectOption('parts');
  await expect(features).toHaveText(String(before + 1));

  const comments = page.getByRole('article', { name: 'Comments' });
  await comments.getByLabel('Role').selectOption('ignore');
  await expect(missing).toHaveCount(0);

  await page.getByRole('checkbox', { name: 'Split by time: train on the earliest rows, test on the latest' }).check();
  await expect(randomSplit).toHaveCount(0);
  await expect(page.getByText("Rows are ordered by 'Date Egg': the latest are tested.")).toBeVisible();

  await page.getByLabel('Target column').selectOption('Comments');
  await expect(note).toHaveText(
    "'Comments' may not be a good target: 84% of its values are missing. Choose the column you want to predict.",
  );
  await screenshot(page, 'messy-columns-doubtful-target');
});
