/**
 * New project (and Open project) with unsaved work asks first (Save / Discard / Cancel), from the button and
 * from the desktop File menu alike; a project with nothing in it, or one just saved, is replaced without a question.
 */
import { expect, test } from './app/fixtures.ts';
import { desktopPathResets, desktopSaves, runMenuCommand, useFakeDesktop } from './app/fake-desktop.ts';
import type { Page } from '@playwright/test';

const QUESTION = 'Save changes to "iris" before starting a new project?';

async function loadIris(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Use sample Iris flowers' }).click();
  await expect(page.getByLabel('Project name')).toHaveValue('iris');
}

function prompt(page: Page) {
  return page.getByRole('dialog', { name: QUESTION });
}

test('New project asks before discarding a loaded dataset; Cancel keeps it, Discard empties, nothing unsaved asks nothing', async ({
  app: page,
}) => {
  // An empty project: no question.
  await page.getByRole('button', { name: 'New project' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Start with your data' })).toBeVisible();

  await loadIris(page);
  await page.getByRole('button', { name: 'New project' }).click();
  await expect(prompt(page)).toBeVisible();
  await expect(prompt(page)).toContainText('Discarding loses the dataset iris.csv, the network and training settings.');
  await page.screenshot({ path: '/tmp/new-project-prompt.png' });

  await prompt(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByLabel('Project name')).toHaveValue('iris');

  // Escape is Cancel too.
  await page.getByRole('button', { name: 'New project' }).click();
  await expect(prompt(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByLabel('Project name')).toHaveValue('iris');

  await page.getByRole('button', { name: 'New project' }).click();
  await prompt(page).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { name: 'Start with your data' })).toBeVisible();
  await expect(page.getByLabel('Project name')).toHaveValue('Untitled project');
});

test('Save in the prompt downloads the project, then starts over; a saved project asks nothing', async ({
  app: page,
}) => {
  await loadIris(page);
  await page.getByRole('button', { name: 'New project' }).click();
  const downloading = page.waitForEvent('download');
  await prompt(page).getByRole('button', { name: 'Save' }).click();
  expect((await downloading).suggestedFilename()).toBe('iris.bpstudio');
  await expect(page.getByRole('heading', { name: 'Start with your data' })).toBeVisible();

  await loadIris(page);
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save project' }).click();
  await again;
  await page.getByRole('button', { name: 'New project' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Start with your data' })).toBeVisible();
});

test('unsaved work restored from the autosave after a reload still asks', async ({ app: page }) => {
  await loadIris(page);
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-up-to-date', 'true', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByLabel('Project name')).toHaveValue('iris');
  await page.getByRole('button', { name: 'New project' }).click();
  await expect(prompt(page)).toBeVisible();
});

test('desktop File ▸ New goes through the same prompt; Save saves through the shell first', async ({
  page,
  app: _,
}) => {
  void _;
  await useFakeDesktop(page);
  await page.reload();
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'New project' }).click();
  await loadIris(page);
  await runMenuCommand(page, 'new-project');
  await expect(prompt(page)).toBeVisible();
  await prompt(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Project name')).toHaveValue('iris');
  expect(await desktopSaves(page)).toHaveLength(0);
  const resets = await desktopPathResets(page);

  await runMenuCommand(page, 'new-project');
  await prompt(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Start with your data' })).toBeVisible();
  const saves = await desktopSaves(page);
  expect(saves.map((s) => s.method)).toEqual(['saveProject']);
  expect((JSON.parse(saves[0]!.text) as { name: string }).name).toBe('iris');
  // The new project belongs to no file: the shell forgets the saved one, so the next Save asks where.
  expect(await desktopPathResets(page)).toBe(resets + 1);
});

test('Open project with unsaved work asks first; Cancel keeps the project and opens no file picker', async ({
  app: page,
}) => {
  await loadIris(page);
  let pickers = 0;
  page.on('filechooser', () => {
    pickers++;
  });
  await page.getByRole('button', { name: 'Open project' }).click();
  const question = page.getByRole('dialog', { name: 'Save changes to "iris" before opening another project?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Project name')).toHaveValue('iris');
  expect(pickers).toBe(0);

  // Discard goes on to the file picker.
  await page.getByRole('button', { name: 'Open project' }).click();
  const choosing = page.waitForEvent('filechooser');
  await question.getByRole('button', { name: 'Discard' }).click();
  await choosing;
});
