/**
 * Issue 12: keyboard and pointer on the model view. Enter on a palette entry adds a layer (it left a copy of the
 * entry behind); a card's move/delete buttons work without selecting the card first; a dragged layer lands where
 * the pointer aims (the drop gap opened at the top), and its preview is opaque over the cards.
 */
import type { Page } from '@playwright/test';
import { expect, networkItems, openView, screenshot, test, useSample, waitForDropGap } from './app/fixtures.ts';

async function order(page: Page): Promise<(string | null)[]> {
  return networkItems(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-id')));
}

/** A real drag: press, about 20 small moves, hold over the target, then check the preview and release. */
async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  after: string,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 20, from.y + ((to.y - from.y) * i) / 20);
  await waitForDropGap(page, after);
  // The preview (the dragged element, or the card that fills it) paints a background over what it passes.
  const backgrounds = await page
    .locator('#dnd-action-dragged-el')
    .evaluate((el) =>
      [el, el.firstElementChild].filter((e) => e !== null).map((e) => getComputedStyle(e).backgroundColor),
    );
  expect(
    backgrounds.some((b) => b !== 'rgba(0, 0, 0, 0)' && !b.endsWith(', 0)')),
    'the drag preview is opaque',
  ).toBe(true);
  await page.mouse.up();
}

async function lowerHalfOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`[data-layer-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`layer ${id} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height * 0.8 };
}

test.beforeEach(async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
});

test('Enter on a palette entry adds its layer and leaves the palette as it was', async ({ app: page }) => {
  const palette = page.getByRole('list', { name: 'Layer palette' }).getByRole('listitem');
  await page.getByRole('listitem', { name: 'Dropout', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => order(page)).toEqual(['dropout_1']);
  await expect
    .poll(() => palette.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))))
    .toEqual(['Dense', 'Activation', 'Dropout', 'Batch normalization']);
});

test('a keyboard drag from the palette, cancelled or dropped, leaves the palette whole', async ({ app: page }) => {
  const palette = page.getByRole('list', { name: 'Layer palette' }).getByRole('listitem');
  const entries = (): Promise<(string | null)[]> =>
    palette.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  await page.getByRole('listitem', { name: 'Dense', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await expect.poll(entries).toEqual(['Dense', 'Activation', 'Dropout', 'Batch normalization']);

  await page.getByRole('listitem', { name: 'Dropout', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('list', { name: 'Network' }).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => order(page)).toEqual(['dropout_1']);
  await expect.poll(entries).toEqual(['Dense', 'Activation', 'Dropout', 'Batch normalization']);
});

test('move and delete buttons work on a card that is not selected', async ({ app: page }) => {
  for (const t of ['Dense', 'Dropout', 'Dense']) await page.getByRole('button', { name: `Add ${t} layer` }).click();
  await page.locator('[data-layer-id="dense_1"]').click();
  await page.getByRole('button', { name: 'Move dense_2 up' }).click();
  await expect.poll(() => order(page)).toEqual(['dense_1', 'dense_2', 'dropout_1']);
  await page.getByRole('button', { name: 'Delete dropout_1' }).click();
  await expect.poll(() => order(page)).toEqual(['dense_1', 'dense_2']);
  await expect(page.getByRole('button', { name: 'Move dense_1 up' })).toHaveAttribute(
    'title',
    'Already the first hidden layer',
  );
});

test('a dragged layer lands where the pointer aims', async ({ app: page }) => {
  for (const t of ['Dense', 'Dropout', 'Dense']) await page.getByRole('button', { name: `Add ${t} layer` }).click();

  // From the palette onto the lower half of the first card: after it, not before.
  const source = await page.getByRole('listitem', { name: 'Activation', exact: true }).boundingBox();
  if (!source) throw new Error('the palette is not on screen');
  await drag(
    page,
    { x: source.x + 40, y: source.y + source.height / 2 },
    await lowerHalfOf(page, 'dense_1'),
    'dense_1',
  );
  await expect(networkItems(page)).toHaveCount(4);
  await expect.poll(() => order(page)).toEqual(['dense_1', 'activation_1', 'dropout_1', 'dense_2']);

  // The last layer onto the lower half of the first: second place.
  const last = await page.locator('[data-layer-id="dense_2"]').boundingBox();
  if (!last) throw new Error('dense_2 is not on screen');
  await drag(page, { x: last.x + 40, y: last.y + last.height / 2 }, await lowerHalfOf(page, 'dense_1'), 'dense_1');
  await expect.poll(() => order(page)).toEqual(['dense_1', 'dense_2', 'activation_1', 'dropout_1']);
  await screenshot(page, 'layer-dragged');
});
