/**
 * Issue 12, item 12: the shell never scrolls, only its panels do. In every stage of Step through (and in
 * every view), the mouse wheel over the top bar leaves the document where it is: scrolled to 0, no taller
 * than the window, with the top bar on screen.
 */
import type { Page } from '@playwright/test';
import { expect, networkItems, openView, screenshot, test, useSample } from './app/fixtures.ts';

/** Wheel over the top bar, then check that neither the document nor the app frame moved. */
async function wheelOverHeader(page: Page, where: string): Promise<void> {
  const header = page.getByRole('banner');
  const box = await header.boundingBox();
  if (!box) throw new Error('the top bar is not on screen');
  await page.mouse.move(box.x + 300, box.y + box.height / 2);
  await page.mouse.wheel(0, 1200);
  // A wheel that scrolls something fires a scroll event; wait for the frame after it before measuring.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const scroll = await page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    const app = document.querySelector('.app');
    return { document: doc.scrollTop, overflow: doc.scrollHeight - window.innerHeight, app: app?.scrollTop ?? -1 };
  });
  expect(scroll, `after the wheel over the top bar (${where})`).toEqual({ document: 0, overflow: 0, app: 0 });
  await expect(header).toBeInViewport({ ratio: 1 });
}

test('step through: the wheel over the top bar never scrolls the shell, at any step', async ({ app: page }) => {
  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await expect(networkItems(page)).toHaveCount(2);
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Step through' }).click();
  const r = page.getByRole('region', { name: 'Step through one training iteration' });
  // The step is computed in the engine's worker: seconds on a busy machine.
  await expect(r.getByRole('status').filter({ hasText: 'computed on' })).toBeVisible({ timeout: 30_000 });
  await wheelOverHeader(page, 'settings');
  await r.getByRole('button', { name: 'Forward' }).click();
  for (let i = 1; i <= 9; i++) {
    const title = (await r.getByRole('heading', { level: 2 }).innerText()).trim();
    await wheelOverHeader(page, `step ${i}: ${title}`);
    if (i === 6) await screenshot(page, 'shell-scroll-step-6');
    if (i < 9) await r.getByRole('button', { name: 'Next step' }).click();
  }
  // The panels themselves still scroll: the wheel over the view moves its own scroll box.
  const main = page.getByRole('region', { name: 'Training dashboard' });
  await main.hover();
  await page.mouse.wheel(0, 400);
  await expect.poll(() => main.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
});

test('every view: the wheel over the top bar never scrolls the shell', async ({ app: page }) => {
  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await page.getByRole('tab', { name: 'Preview' }).click();
  await wheelOverHeader(page, 'Data · Preview');
  for (const view of ['Model', 'Train', 'Evaluate', 'Export'] as const) {
    await openView(page, view);
    await wheelOverHeader(page, view);
  }
});
