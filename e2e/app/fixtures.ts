/**
 * Fixtures for the app end-to-end tests: the built web app served with the desktop app's headers
 * (scripts/serve-static.mjs), and small drivers that act the way a
 * user does, through accessible names.
 */
import { errors, expect, test as base, type Locator, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../scripts/serve-static.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of a file in the repository. */
export function repoPath(relative: string): string {
  return path.join(root, relative);
}

/** What the page showed at one moment while training: the epoch status and the loss chart's points. */
export interface LiveSample {
  epoch: number;
  points: number;
}

declare global {
  interface Window {
    /** Filled by `recordLive`. */
    __live?: LiveSample[];
  }
}

/** Playwright's test with `app`: a page on the served web build, the engine ready, page errors failing the test. */
export const test = base.extend<{ app: Page }, { appUrl: string }>({
  // A laptop-sized window, so screenshots show the layout as users see it.
  viewport: { width: 1440, height: 900 },

  appUrl: [
    async ({}, use) => {
      const dist = repoPath('dist/renderer/index.html');
      if (!existsSync(dist)) {
        throw new Error(
          'The web app is not built: run `npx vite build --config renderer/vite.config.ts` (npm test does it) before the app end-to-end tests.',
        );
      }
      const server = await serveStatic({ root: repoPath('dist/renderer'), port: 0 });
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ page, appUrl }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(appUrl);
    await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Save a screenshot under test-results/screenshots/ (kept as a test artifact). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = repoPath('test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/**
 * Close the notices on screen (for a clean screenshot). Notices other than errors also go by themselves, so
 * one can vanish between finding its Dismiss button and clicking it: such a click gives up after a second
 * instead of waiting for a button that will not come back.
 */
export async function dismissToasts(page: Page): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  for (let i = 0; i < 20 && (await dismiss.count()) > 0; i++) {
    await dismiss
      .first()
      .click({ timeout: 1_000 })
      .catch((e: unknown) => {
        if (!(e instanceof errors.TimeoutError)) throw e;
      });
  }
}

/** Go to one of the five views. */
export async function openView(page: Page, view: 'Data' | 'Model' | 'Train' | 'Evaluate' | 'Export'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^\\S*\\s*${view}$`) }).click();
}

/** Import a CSV through the "Import CSV" file input. */
export async function importCsv(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  await page.getByLabel('Import CSV').first().setInputFiles(file);
}

/** The samples offered on the Data view, by the name of the project each one makes. */
const SAMPLE_TITLES = {
  iris: 'Iris flowers',
  penguins: 'Palmer penguins',
  diabetes: 'Diabetes progression',
} as const;

/**
 * Click "Use sample …" and wait until the sample has loaded (its profile is known and it named the project):
 * what comes next (a template sized from the data, a rename, a run) must not race the load.
 */
export async function useSample(page: Page, sample: keyof typeof SAMPLE_TITLES): Promise<void> {
  await page.getByRole('button', { name: `Use sample ${SAMPLE_TITLES[sample]}` }).click();
  await expect(page.getByLabel('Project name')).toHaveValue(sample, { timeout: 30_000 });
}

/**
 * Wait while the pointer holds still during a drag until the Network region shows the drop gap (the
 * library notices the pointer on a timer, later on a busy machine), right after layer `after` (null: first).
 */
export async function waitForDropGap(page: Page, after: string | null): Promise<void> {
  await expect
    .poll(() =>
      page.getByRole('list', { name: 'Network' }).evaluate((zone) => {
        const gap = zone.querySelector(':scope > [data-is-dnd-shadow-item-internal]');
        return gap ? (gap.previousElementSibling?.getAttribute('data-layer-id') ?? null) : 'no drop gap';
      }),
    )
    .toBe(after);
}

/** Drag a palette item onto the network drop region. */
export async function dragLayer(
  page: Page,
  type: 'Dense' | 'Activation' | 'Dropout' | 'Batch normalization',
): Promise<void> {
  const before = await networkItems(page).count();
  const last = before > 0 ? await networkItems(page).last().getAttribute('data-layer-id') : null;
  const zone = await page.getByRole('list', { name: 'Network' }).boundingBox();
  const source = await page.getByRole('listitem', { name: type, exact: true }).boundingBox();
  if (!zone || !source) throw new Error(`the palette item '${type}' or the Network region is not on screen`);
  // Drop below the last layer (in the stack's bottom padding), as a user appending a layer would.
  const to = { x: zone.x + zone.width / 2, y: before > 0 ? zone.y + zone.height - 3 : zone.y + zone.height / 2 };
  const from = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 15;
  for (let i = 1; i <= steps; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  // Hold still over the drop place, as a person does, until the drop zone shows the gap after the last layer.
  await waitForDropGap(page, last);
  await page.mouse.up();
  await expect(page.getByRole('list', { name: 'Network' }).locator('[data-layer-id]')).toHaveCount(before + 1);
}

/** The hidden layers in the network drop region. */
export function networkItems(page: Page): Locator {
  return page.getByRole('list', { name: 'Network' }).getByRole('listitem');
}

/** The "Epoch N / M" status while (or after) training. */
export async function epochStatus(page: Page): Promise<{ epoch: number; of: number }> {
  const text = await page
    .getByRole('status')
    .filter({ hasText: /^Epoch \d+ \/ \d+$/ })
    .innerText();
  const m = /^Epoch (\d+) \/ (\d+)$/.exec(text.trim());
  if (!m) throw new Error(`unexpected epoch status '${text}'`);
  return { epoch: Number(m[1]), of: Number(m[2]) };
}

/** Points plotted in a chart (by its title). */
export async function chartPoints(page: Page, title: string): Promise<number> {
  return Number(await page.getByRole('figure', { name: title, exact: true }).getAttribute('data-points'));
}

/**
 * Record every change of the epoch status and of the loss chart's point count, as the user would see
 * them, however fast the run is (a DOM observer, not polling).
 */
export async function recordLive(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__live = [];
    const sample = (): void => {
      const status = Array.from(document.querySelectorAll('[role="status"]'))
        .map((e) => e.textContent ?? '')
        .find((t) => /^Epoch \d+ \/ \d+$/.test(t.trim()));
      const epoch = status ? Number(/Epoch (\d+)/.exec(status)?.[1] ?? -1) : -1;
      const points = Number(document.querySelector('figure[aria-label="Loss"]')?.getAttribute('data-points') ?? 0);
      const last = window.__live?.at(-1);
      if (!last || last.epoch !== epoch || last.points !== points) window.__live?.push({ epoch, points });
    };
    new MutationObserver(sample).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-points'],
    });
    sample();
  });
}

/** The samples `recordLive` collected. */
export async function liveSamples(page: Page): Promise<LiveSample[]> {
  return page.evaluate(() => window.__live ?? []);
}
