/**
 * The app flows `npm run bench:ui` times, the same ones the end-to-end suite checks for function
 * (e2e/app-large-data.spec.ts, app-iris.spec.ts, app-sweep.spec.ts). Each flow prepares untraced, then
 * does the part whose main-thread tasks are measured. Elements are found by role and accessible name,
 * as in the tests.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';

/** One flow: `prepare` is not measured, `measure` is. */
export interface UiFlow {
  id: string;
  /** What the measured part does, for the report. */
  title: string;
  prepare(page: Page, root: string): Promise<void>;
  measure(page: Page): Promise<void>;
}

/** A seeded CSV of `rows` rows: 8 numbers, a category and a yes/no label (as in app-large-data.spec.ts). */
export function bigCsv(rows: number): Buffer {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const lines = ['a,b,c,d,e,f,g,h,colour,label'];
  for (let r = 0; r < rows; r++) {
    const xs = Array.from({ length: 8 }, () => (next() * 10 - 5).toFixed(3));
    lines.push(
      `${xs.join(',')},${['red', 'green', 'blue'][r % 3]},${Number(xs[0]) + Number(xs[1]) > 0 ? 'yes' : 'no'}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function openView(page: Page, view: 'Model' | 'Train'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^\\S*\\s*${view}$`) }).click();
}

/** Iris with species as the target and `hidden` Dense layers, then the Train view. */
async function irisNetwork(page: Page, root: string, hidden: number): Promise<void> {
  await page.getByLabel('Import CSV').first().setInputFiles(join(root, 'resources/samples/iris.csv'));
  await page.getByRole('heading', { name: 'iris.csv' }).waitFor();
  await page.getByLabel('Target column').selectOption('species');
  await page.getByText('Classification · 3 classes').waitFor();
  await openView(page, 'Model');
  for (let i = 0; i < hidden; i++) await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await openView(page, 'Train');
}

/** What `waitInPage`'s check reads of the page (bench/ has no DOM types). */
interface PageGlobals {
  document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> };
}

/**
 * Wait until an element matching `selector` (and whose text is `text`, if given) is in the page, checking
 * inside the page five times a second, so the wait adds little main-thread work to what is measured.
 */
async function waitInPage(page: Page, selector: string, text: string | null, timeoutS: number): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) =>
      Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll(sel)).some(
        (e) => want === null || e.textContent?.trim() === want,
      ),
    [selector, text] as const,
    { timeout: timeoutS * 1000, polling: 200 },
  );
}

/** The flows, in the order they run. */
export const UI_FLOWS: readonly UiFlow[] = [
  {
    id: 'scroll',
    title: 'wheel-scroll the 100,000-row preview (30 × 600 px)',
    async prepare(page) {
      await page
        .getByLabel('Import CSV')
        .first()
        .setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: bigCsv(100_000) });
      await page.getByRole('heading', { name: 'large.csv' }).waitFor({ timeout: 120_000 });
      await page.getByRole('tab', { name: 'Preview' }).click();
      await page
        .getByTestId('autosave-status')
        .and(page.locator('[data-up-to-date="true"]'))
        .waitFor({ timeout: 60_000 });
      await page.getByRole('grid', { name: 'Data preview' }).hover();
    },
    async measure(page) {
      for (let i = 0; i < 30; i++) {
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(30);
      }
      await page
        .getByRole('grid', { name: 'Data preview' })
        .getByRole('rowheader', { name: '1', exact: true })
        .waitFor({ state: 'detached' });
    },
  },
  {
    id: 'train',
    title: 'train iris 4-16-16-3, 4,000 epochs, batch 4, WebAssembly, live charts',
    async prepare(page, root) {
      await irisNetwork(page, root, 2);
      await page.getByLabel('Epochs').fill('4000');
      await page.getByLabel('Batch size').fill('4');
      await page.getByLabel('Backend').selectOption('wasm');
    },
    async measure(page) {
      await page.getByRole('button', { name: 'Start training' }).click();
      await waitInPage(page, '[role="status"]', 'Epoch 4000 / 4000', 300);
    },
  },
  {
    id: 'sweep',
    title: 'sweep on iris 4-16-3: 6 trials × 50 epochs, all cores but one',
    async prepare(page, root) {
      await irisNetwork(page, root, 1);
      await page.getByLabel('Epochs').fill('50');
      await page.getByLabel('Batch size').fill('4');
      await page.getByLabel('Validation split %').fill('30');
      await page.getByRole('tab', { name: 'Sweep' }).click();
      const space = page
        .getByRole('region', { name: 'Hyperparameter sweep' })
        .getByRole('region', { name: 'Search space' });
      await space.getByLabel('Learning rate: min').fill('0.0001');
      await space.getByLabel('Trials').fill('6');
      await space.getByLabel('Concurrency').fill('');
    },
    async measure(page) {
      await page
        .getByRole('region', { name: 'Hyperparameter sweep' })
        .getByRole('button', { name: 'Start sweep' })
        .click();
      await waitInPage(page, '[data-testid="sweep-progress"][data-phase="completed"]', null, 300);
    },
  },
];
