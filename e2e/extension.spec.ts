/**
 * Issue 19: the studio as a browser extension. Chromium loads the unpacked extension (dist/extension); the
 * toolbar's page runs the core flow (import → network → train → export), and a local page's tables and CSV
 * link open as datasets through the menu's handler (see e2e/app/extension.ts for why the handler is called
 * directly), with the page kept as the dataset's source.
 */
import { readFileSync } from 'node:fs';
import { dragLayer, importCsv, openView, repoPath, screenshot } from './app/fixtures.ts';
import { clickMenu, expect, newStudioTab, selectCellOf, test } from './app/extension.ts';

test('the extension loads, and its studio page trains and exports like the web app', async ({
  context,
  background,
  studioUrl,
}) => {
  // The toolbar button's handler opens the studio in a tab.
  const before = context.pages();
  await background.evaluate(async () => {
    await (
      globalThis as unknown as { backpropStudioToolbarClicked: () => Promise<void> }
    ).backpropStudioToolbarClicked();
  });
  const page = await newStudioTab(context, background, before);
  expect(page.url()).toBe(studioUrl);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  // The extension's pages are cross-origin isolated (the manifest's COOP/COEP), so wasm threads can share memory.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  await importCsv(page, repoPath('resources/samples/iris.csv'));
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await page.getByLabel('Target column').selectOption('species');
  await openView(page, 'Model');
  await dragLayer(page, 'Dense');
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('60');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });

  await openView(page, 'Export');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model' }).click();
  const model = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as {
    format: string;
    inputs: number;
  };
  expect(model.format).toBe('backprop-studio/model');
  expect(model.inputs).toBe(4);

  // The autosave lives in the extension's IndexedDB: a reload brings the project back.
  // Saved up to the last change (the text alone shows from the first autosave on).
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-up-to-date', 'true', { timeout: 15_000 });
  await expect(page.getByText('All changes saved in this browser')).toBeVisible();
  await page.reload();
  await openView(page, 'Data');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});

/** The column cards' names and type labels, as the Data view shows them (once all `columns` are shown). */
async function columnTypes(page: import('@playwright/test').Page, columns: number): Promise<string[]> {
  const cards = page.getByRole('list', { name: 'Column profiles' }).getByRole('listitem');
  await expect(cards).toHaveCount(columns);
  return cards.allInnerTexts();
}

test('page tables open as datasets with their header names, the page kept as their source', async ({
  context,
  background,
  webUrl,
}) => {
  const web = await context.newPage();
  await web.goto(`${webUrl}/`);
  const before = await web.content();

  // A plain table (no <thead>): the first row names the columns.
  await selectCellOf(web, '#plain');
  const plain = await clickMenu(context, background, { menuItemId: 'open-table', pageUrl: `${webUrl}/` });
  await expect(plain.getByRole('heading', { name: 'Harbour statistics 2025.csv' })).toBeVisible();
  await expect(plain.getByText('4 rows · 4 columns', { exact: false })).toBeVisible();
  await expect(plain.getByRole('link', { name: 'Harbour statistics 2025' })).toHaveAttribute('href', `${webUrl}/`);
  await screenshot(plain, 'extension-plain-table');
  const plainTypes = await columnTypes(plain, 4);
  // '1,234' is a number to the reader: the table's cells are read as a file's are.
  expect(plainTypes.find((c) => c.startsWith('ships'))).toContain('Integer');

  // The CSV link with the same rows (and one more) reads the same way: the cells are the reader's job.
  const csv = await clickMenu(context, background, {
    menuItemId: 'open-csv',
    pageUrl: `${webUrl}/`,
    linkUrl: `${webUrl}/data/harbours.csv`,
  });
  await expect(csv.getByRole('heading', { name: 'harbours.csv' })).toBeVisible();
  await expect(csv.getByText('5 rows · 4 columns', { exact: false })).toBeVisible();
  await expect(csv.getByRole('link', { name: 'Harbour statistics 2025' })).toBeVisible();
  const csvTypes = await columnTypes(csv, 4);
  const typeLine = (cards: string[]): string[] => cards.map((c) => c.split('\n').slice(0, 2).join(' '));
  expect(typeLine(plainTypes)).toEqual(typeLine(csvTypes));
  await csv.close();
  await plain.close();

  // <thead> names, the caption as the name; the thousands separator read as a number.
  await selectCellOf(web, '#thead');
  const thead = await clickMenu(context, background, { menuItemId: 'open-table', pageUrl: `${webUrl}/` });
  await expect(thead.getByRole('heading', { name: 'Crossings by month.csv' })).toBeVisible();
  await expect(thead.getByText('3 rows · 3 columns', { exact: false })).toBeVisible();
  await thead.getByRole('tab', { name: 'Preview' }).click();
  await expect(thead.getByRole('grid', { name: 'Data preview' }).getByRole('columnheader')).toContainText([
    'month',
    'crossings',
    'delay (min)',
  ]);
  await thead.close();

  // Merged cells: two header rows give 'temperature min' and 'temperature max'; a row span repeats down.
  await selectCellOf(web, '#merged');
  const merged = await clickMenu(context, background, { menuItemId: 'open-table', pageUrl: `${webUrl}/` });
  await expect(merged.getByText('3 rows · 3 columns', { exact: false })).toBeVisible();
  await merged.getByRole('tab', { name: 'Preview' }).click();
  const grid = merged.getByRole('grid', { name: 'Data preview' });
  await expect(grid.getByRole('columnheader')).toContainText(['region', 'temperature min', 'temperature max']);
  await expect(grid.getByRole('row').nth(2)).toContainText('North');
  await screenshot(merged, 'extension-merged-table');
  await merged.close();

  // Nothing on the page changed.
  expect(await web.content()).toBe(before);
});

test("a model trained on a page's table keeps the page in its model file", async ({ context, background, webUrl }) => {
  const web = await context.newPage();
  await web.goto(`${webUrl}/`);
  await selectCellOf(web, '#plain');
  const studio = await clickMenu(context, background, { menuItemId: 'open-table', pageUrl: `${webUrl}/` });
  await expect(studio.getByRole('heading', { name: 'Harbour statistics 2025.csv' })).toBeVisible();
  await studio.getByLabel('Target column').selectOption('full');
  await openView(studio, 'Train');
  await studio.getByLabel('Epochs').fill('5');
  await studio.getByRole('button', { name: 'Start training' }).click();
  await expect(studio.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await openView(studio, 'Export');
  const downloading = studio.waitForEvent('download');
  await studio.getByRole('button', { name: 'Export model' }).click();
  const model = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as { sourcePage?: unknown };
  expect(model.sourcePage).toEqual({ title: 'Harbour statistics 2025', url: `${webUrl}/` });

  // The project file keeps it too.
  const saving = studio.waitForEvent('download');
  await studio.getByRole('button', { name: 'Save project' }).first().click();
  const project = JSON.parse(readFileSync(await (await saving).path(), 'utf8')) as {
    dataset: { sourcePage?: unknown };
  };
  expect(project.dataset.sourcePage).toEqual({ title: 'Harbour statistics 2025', url: `${webUrl}/` });
});

test('tables that are not one grid, and bad links, are refused with a message', async ({
  context,
  background,
  webUrl,
}) => {
  const web = await context.newPage();
  await web.goto(`${webUrl}/`);
  const refused = async (menu: Parameters<typeof clickMenu>[2], message: string): Promise<void> => {
    const studio = await clickMenu(context, background, menu);
    await expect(studio.getByText(message, { exact: true })).toBeVisible();
    // No dataset was loaded: the Data view still offers the import.
    await expect(studio.getByRole('heading', { name: /\.csv$/ })).toHaveCount(0);
    await screenshot(studio, 'extension-refused');
    await studio.close();
  };
  await selectCellOf(web, '#section');
  await refused(
    { menuItemId: 'open-table', pageUrl: `${webUrl}/` },
    "Row 2 of this table has a cell spanning 2 columns ('Group A', from column 1), so its values do not line up with the " +
      'columns. Open a table without such rows, or save the data as CSV and import it. (page: Harbour statistics 2025)',
  );
  await selectCellOf(web, '#nested');
  await refused(
    { menuItemId: 'open-table', pageUrl: `${webUrl}/` },
    'This table has another table inside its cell at row 2, column 2, so its rows cannot be read as one grid. Select text ' +
      'in the inner table to open that one, or save the data as CSV and import it. (page: Harbour statistics 2025)',
  );
  await web.evaluate(() => document.getSelection()?.removeAllRanges());
  await refused(
    { menuItemId: 'open-table', pageUrl: `${webUrl}/` },
    'This page has 5 tables, and none holds the selected text. Select some text in the table you want (drag across a cell), ' +
      'then choose "Open this table in Backprop Studio" again. (page: Harbour statistics 2025)',
  );
  await refused(
    { menuItemId: 'open-csv', pageUrl: `${webUrl}/`, linkUrl: `${webUrl}/data/missing.csv` },
    `The server answered 404 Not Found for ${webUrl}/data/missing.csv, so there is no CSV to open. Check the link on the ` +
      'page, or download the file and import it with Import CSV. (page: Harbour statistics 2025)',
  );
});

test.describe('the shipped manifest', () => {
  test.use({ grantPageAccess: false });

  test('cannot read a page the user has not invoked the menu on', async ({ context, background, webUrl }) => {
    const web = await context.newPage();
    await web.goto(`${webUrl}/`);
    await selectCellOf(web, '#plain');
    const studio = await clickMenu(context, background, { menuItemId: 'open-table', pageUrl: `${webUrl}/` });
    const alert = studio.getByRole('alert');
    await expect(alert).toContainText('The extension could not read this page (');
    await expect(studio.getByRole('heading', { name: /\.csv$/ })).toHaveCount(0);
  });
});
