/**
 * Reloading the page while a run trains keeps the run: the autosave writes its epochs so far while it
 * trains, and after the reload it is listed as an interrupted (stopped) run, with a notice saying its
 * weights were lost. The notice is given once.
 */
import type { Page } from '@playwright/test';
import { epochStatus, expect, networkItems, openView, test, useSample } from './app/fixtures.ts';

/** Epochs of each run in the browser's autosave record, as IndexedDB holds it now. */
async function autosavedEpochs(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('backprop-studio');
        open.onerror = () => reject(new Error('could not open the autosave database'));
        open.onsuccess = () => {
          const get = open.result.transaction('autosave').objectStore('autosave').get('current');
          get.onsuccess = () => {
            const stored = get.result as { project: string } | undefined;
            open.result.close();
            resolve(
              stored
                ? (JSON.parse(stored.project) as { runs: { history: unknown[] }[] }).runs.map((r) => r.history.length)
                : [],
            );
          };
        };
      }),
  );
}

test('a reload during training keeps the running run as an interrupted run and says what was lost', async ({
  app: page,
}) => {
  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Deeper network' }).click();
  await expect(networkItems(page)).toHaveCount(3);
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('200000');
  await page.getByLabel('Batch size').fill('4');
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect.poll(async () => (await epochStatus(page)).epoch, { timeout: 30_000 }).toBeGreaterThan(5);

  // The autosave holds the running run with some epochs while it still trains.
  await expect.poll(async () => (await autosavedEpochs(page))[0] ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const kept = (await autosavedEpochs(page))[0]!;

  await page.reload();
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('was still training when the page closed')).toContainText(
    'The epochs so far are kept as a stopped run, but the weights were not saved, so it cannot be evaluated, continued or exported. Train again to get a model.',
  );
  await openView(page, 'Train');
  const runs = page.getByRole('region', { name: 'Runs' });
  await expect(runs.getByText('interrupted')).toBeVisible();
  const epochsShown = Number(/(\d+) ep/.exec(await runs.locator('.meta').first().innerText())?.[1]);
  expect(epochsShown).toBeGreaterThanOrEqual(kept);
  await expect(page.getByRole('button', { name: 'Start training' })).toBeEnabled();
  await page.screenshot({ path: '/tmp/reload-interrupted.png' });

  // Told once: the next reload lists the run without the notice.
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-up-to-date', 'true', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  await openView(page, 'Train');
  await expect(page.getByRole('region', { name: 'Runs' }).getByText('interrupted')).toBeVisible();
  await expect(page.getByText('was still training when the page closed')).toHaveCount(0);
});
