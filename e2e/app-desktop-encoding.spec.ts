/**
 * The desktop app hands an opened CSV's bytes to the engine's decoder, as the web app does with a picked
 * file: a Latin-1 (Windows-1252) file keeps its accents, and a UTF-16 file with a byte-order mark opens.
 * The Electron preload is replaced by a fake whose Import CSV dialog answers with the file's bytes.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './app/fixtures.ts';
import { runMenuCommand, useFakeDesktop, type FakeOpenedCsv } from './app/fake-desktop.ts';

const ROWS = 'place,visits\ncafé,3\ncrème,5\nnaïve,2\nbrûlée,4\n';

async function openInDesktop(page: Page, csv: FakeOpenedCsv): Promise<void> {
  await useFakeDesktop(page, csv);
  await page.reload();
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  await runMenuCommand(page, 'import-csv');
  await expect(page.getByRole('heading', { name: csv.name })).toBeVisible();
  await page.getByRole('tab', { name: 'Preview' }).click();
}

function firstPlace(page: Page) {
  return page.getByRole('grid', { name: 'Data preview' }).getByRole('row').nth(1).getByRole('gridcell').first();
}

test('a Latin-1 CSV opened in the desktop app keeps its accents', async ({ app: page }) => {
  await openInDesktop(page, { name: 'places-latin1.csv', bytes: [...Buffer.from(ROWS, 'latin1')] });
  await expect(firstPlace(page)).toHaveText('café');
  await expect(page.getByText('windows-1252', { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/desktop-latin1.png' });
});

test('a UTF-16 CSV with a byte-order mark opens in the desktop app', async ({ app: page }) => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROWS, 'utf16le')]);
  await openInDesktop(page, { name: 'places-utf16.csv', bytes: [...bytes] });
  await expect(firstPlace(page)).toHaveText('café');
  await expect(page.getByRole('columnheader', { name: 'place' })).toBeVisible();
});
