/**
 * The window's own behaviour, which App composes from renderer/shell/: a file dragged onto the window (a CSV
 * imports, a project opens after the unsaved-work question) and the desktop crash copy offered on start.
 */
import { expect, test } from './app/fixtures.ts';
import { desktopPathResets, desktopSaves, runMenuCommand, useFakeDesktop } from './app/fake-desktop.ts';
import type { Page } from '@playwright/test';

const OVERLAY = 'Drop a CSV to import it, a .bpstudio project to open it, or a model file (.json) to add it as a run';

/** Drag a file over the window and drop it, as the OS does. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name));
      return dt;
    },
    { name, text },
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await expect(page.getByText(OVERLAY)).toBeVisible();
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
  await expect(page.getByText(OVERLAY)).toHaveCount(0);
}

test('a CSV dropped onto the window is imported; a dropped project asks before replacing unsaved work', async ({
  app: page,
}) => {
  await dropFile(page, 'tiny.csv', 'x,y\n1,2\n3,4\n5,6\n');
  await expect(page.getByText('Loaded tiny.csv: 3 rows.')).toBeVisible();
  await expect(page.getByLabel('Project name')).toHaveValue('tiny');

  await dropFile(page, 'other.bpstudio', '{}');
  const prompt = page.getByRole('dialog', { name: 'Save changes to "tiny" before opening another project?' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Discard' }).click();
  await expect(
    page.getByText(
      'other.bpstudio is not a Backprop Studio project (its "format" is not "backprop-studio/project"). Open a .bpstudio file saved by Backprop Studio.',
    ),
  ).toBeVisible();
});

test('a name typed while a dropped CSV is still loading is kept', async ({ app: page }) => {
  const rows = Array.from({ length: 200_000 }, (_, i) => `${i},${(i * 7) % 13},${i % 3}`);
  await dropFile(page, 'big.csv', `a,b,c\n${rows.join('\n')}\n`);
  await page.getByLabel('Project name').fill('my study');
  await page.getByLabel('Project name').press('Enter');
  await expect(page.getByText('Loaded big.csv: 200,000 rows.', { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Project name')).toHaveValue('my study');
});

test('a CSV dropped while a big one is still being read replaces it: the last file chosen is the one loaded', async ({
  app: page,
}) => {
  const rows = Array.from({ length: 200_000 }, (_, i) => `${i},${(i * 7) % 13},${i % 3}`);
  await dropFile(page, 'big.csv', `a,b,c\n${rows.join('\n')}\n`);
  await expect(page.getByText('Reading big.csv…')).toBeVisible();
  await dropFile(page, 'tiny.csv', 'x,y\n1,2\n3,4\n5,6\n');
  await expect(page.getByText('Loaded tiny.csv: 3 rows.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Reading /)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'tiny.csv' })).toBeVisible();
  await expect(page.getByLabel('Project name')).toHaveValue('tiny');
  await expect(page.getByText('Loaded big.csv', { exact: false })).toHaveCount(0);
});

test('desktop: the crash copy of the last session is offered; Restore opens it as a project with no file', async ({
  page,
  app: _,
}) => {
  void _;
  await useFakeDesktop(page);
  await page.reload();
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Use sample Iris flowers' }).click();
  // The sample names the project when it has loaded; rename only after that, or the load overwrites the name.
  await expect(page.getByLabel('Project name')).toHaveValue('iris');
  await page.getByLabel('Project name').fill('recovered iris');
  await page.getByLabel('Project name').press('Enter');
  await runMenuCommand(page, 'save');
  await expect.poll(async () => (await desktopSaves(page)).length).toBe(1);
  const copy = (await desktopSaves(page))[0]!.text;
  // The session goes on after the copy: the autosave restores this name, the copy has the earlier one.
  await page.getByLabel('Project name').fill('later name');
  await page.getByLabel('Project name').press('Enter');
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-up-to-date', 'true');

  await page.addInitScript((text) => {
    const api = (window as Window & { backpropDesktop?: { takeRecovery: () => Promise<string | null> } })
      .backpropDesktop;
    if (api) api.takeRecovery = () => Promise.resolve(text);
  }, copy);
  await page.reload();
  await expect(
    page.getByText('Backprop Studio closed unexpectedly last time. Restore the project it was editing?'),
  ).toBeVisible();
  await expect(page.getByLabel('Project name')).toHaveValue('later name');
  const resets = await desktopPathResets(page);
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByLabel('Project name')).toHaveValue('recovered iris');
  await expect(page.getByText('Opened The recovered project.')).toBeVisible();
  await expect(page.getByText('Backprop Studio closed unexpectedly last time.', { exact: false })).toHaveCount(0);
  expect(await desktopPathResets(page)).toBe(resets + 1);
});
