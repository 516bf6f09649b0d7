/**
 * The run list shows what the engine worker holds (its estimate of the bytes of the arrays it keeps), and
 * deleting a run frees that run's share. Runs are labelled with the dataset they were trained on; importing
 * another dataset keeps them, and renames a project whose name was never changed; New project frees it all.
 */
import type { Page } from '@playwright/test';
import { expect, networkItems, openView, test, useSample } from './app/fixtures.ts';

const MB = 1024 * 1024;
const UNITS: Record<string, number> = { bytes: 1, KB: 1024, MB, GB: 1024 * MB };

/** The runs' share of the engine memory line, in bytes, and how many runs it counts. */
async function runMemory(page: Page): Promise<{ runs: number; bytes: number }> {
  const text = await page.getByTestId('engine-memory').innerText();
  const m = /(\d+) runs? ([\d.]+) (bytes|KB|MB|GB)\)$/.exec(text.trim());
  if (!m) throw new Error(`unexpected engine memory line '${text}'`);
  return { runs: Number(m[1]), bytes: Number(m[2]) * UNITS[m[3]!]! };
}

async function train(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
}

test('deleting a run frees what the engine held for it; runs say which dataset they used', async ({ app: page }) => {
  await useSample(page, 'iris');
  await expect(page.getByLabel('Project name')).toHaveValue('iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Deeper network' }).click();
  await expect(networkItems(page)).toHaveCount(3);
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('5');
  await page.getByLabel('Backend').selectOption('wasm');
  await train(page);
  await expect.poll(async () => (await runMemory(page)).runs).toBe(1);
  const one = await runMemory(page);
  expect(one.bytes).toBeGreaterThan(0);
  await train(page);
  await expect.poll(async () => (await runMemory(page)).runs).toBe(2);
  const two = await runMemory(page);
  expect(two.bytes).toBeGreaterThan(one.bytes);

  const runs = page.getByRole('region', { name: 'Runs' });
  await expect(runs.getByText('iris.csv')).toHaveCount(2);
  await page.screenshot({ path: '/tmp/run-memory.png' });

  await runs.getByRole('button', { name: 'Delete Run 1' }).click();
  await expect.poll(async () => (await runMemory(page)).runs).toBe(1);
  expect((await runMemory(page)).bytes).toBeLessThan(two.bytes);

  // Another dataset: the project (never renamed) takes its name; the iris run stays, labelled.
  await openView(page, 'Data');
  await page.getByRole('button', { name: 'Palmer penguins' }).click();
  await expect(page.getByLabel('Project name')).toHaveValue('penguins');
  await expect(
    page.locator('.toast').filter({
      hasText: 'Loaded penguins.csv: 344 rows. The run trained on other data is kept, labelled with its dataset.',
    }),
  ).toBeVisible();
  await openView(page, 'Train');
  await expect(runs.getByText('iris.csv')).toHaveCount(1);
  await expect(runs.getByText('Run 2')).toBeVisible();
  await page.screenshot({ path: '/tmp/run-list-other-dataset.png' });

  // New project: the engine lets go of the data and the runs as well.
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();
  await openView(page, 'Train');
  await expect(page.getByTestId('engine-memory')).toHaveText(
    /^Engine memory: 0 bytes \(data 0 bytes, 0 runs 0 bytes\)$/,
  );
});

test('a project name the user chose stays when another dataset is imported', async ({ app: page }) => {
  await useSample(page, 'iris');
  await expect(page.getByLabel('Project name')).toHaveValue('iris');
  await page.getByLabel('Project name').fill('Flower study');
  await page.getByLabel('Project name').press('Enter');
  await page.getByRole('button', { name: 'Palmer penguins' }).click();
  await expect(page.getByRole('heading', { name: 'penguins.csv' })).toBeVisible();
  await expect(page.getByLabel('Project name')).toHaveValue('Flower study');
});
