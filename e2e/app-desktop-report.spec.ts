/**
 * File ▸ Export report… on the desktop (the Electron preload replaced by a fake): with nothing trained it
 * opens the Export view saying what to do; after training it saves the run's report straight away.
 */
import { expect, openView, test as base, useSample } from './app/fixtures.ts';
import { desktopSaves, runMenuCommand, useFakeDesktop } from './app/fake-desktop.ts';

const test = base.extend({
  page: async ({ page }, use) => {
    await useFakeDesktop(page);
    await use(page);
  },
});

test("File ▸ Export report… saves the run's report, or says to train first", async ({ app: page }) => {
  const toast = (text: string) => page.locator('.toast').filter({ hasText: text });
  await runMenuCommand(page, 'export-report');
  await expect(page.getByRole('tab', { name: /Export$/ })).toHaveAttribute('aria-selected', 'true');
  await expect(toast('Train a model first, then export its report.')).toBeVisible();
  expect(await desktopSaves(page)).toEqual([]);

  await openView(page, 'Data');
  await useSample(page, 'diabetes');
  await expect(page.getByText('Regression', { exact: true })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple regressor' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('10');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await runMenuCommand(page, 'export-report');
  await expect(toast('Report of Run 1 exported as diabetes-run-1.report.html.')).toBeVisible({ timeout: 60_000 });
  const [save] = await desktopSaves(page);
  expect([save?.method, save?.fileName]).toEqual(['exportReport', 'diabetes-run-1.report.html']);
  expect(save?.text).toMatch(/^<!DOCTYPE html>/);
  expect(save?.text).toContain('<title id="pva-t">Predicted against actual &#39;progression&#39;</title>');
  expect(save?.text).toContain('<title id="resid-t">Residuals (predicted − actual) against predicted</title>');
});
