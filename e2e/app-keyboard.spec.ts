/**
 * Keyboard operability (every action can be done from the keyboard): workflow navigation,
 * adding, moving, duplicating and deleting layers, undo/redo, and starting a run — without the mouse.
 */
import { epochStatus, expect, networkItems, screenshot, test } from './app/fixtures.ts';

test('build and train a network with the keyboard only', async ({ app: page }) => {
  // Load a sample by keyboard.
  await page.getByRole('button', { name: 'Use sample Iris flowers' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();

  // Workflow tabs: arrow keys move between views, Enter opens one; Alt+2 jumps to the model.
  await page.getByRole('tab', { name: /Data$/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Model$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();

  // Add layers from the palette with its keyboard buttons.
  await page.getByRole('button', { name: 'Add Dense layer' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Add Dropout layer' }).focus();
  await page.keyboard.press('Enter');
  await expect(networkItems(page)).toHaveCount(3);

  // Focus a layer: Alt+↑ moves it, Ctrl+D duplicates it, Delete removes it.
  const dropout = page.locator('[data-layer-id="dropout_1"]');
  await dropout.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(networkItems(page).nth(1)).toHaveAttribute('data-layer-id', 'dropout_1');
  await expect(page.locator('[data-layer-id="dropout_1"]')).toBeFocused();
  await page.keyboard.press('Control+d');
  await expect(networkItems(page)).toHaveCount(4);
  await expect(page.locator('[data-layer-id="dropout_2"]')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(networkItems(page)).toHaveCount(3);

  // Undo and redo (focus outside a text field).
  await page.keyboard.press('Control+z');
  await expect(networkItems(page)).toHaveCount(4);
  await page.keyboard.press('Control+Shift+z');
  await expect(networkItems(page)).toHaveCount(3);

  // Edit the selected layer in the inspector by keyboard.
  await page.locator('[data-layer-id="dense_1"]').focus();
  await page.getByLabel('Units').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('12');
  await expect(page.locator('[data-layer-id="dense_1"]')).toContainText('12 units');
  await screenshot(page, 'model-keyboard');

  // Alt+3 opens training; set epochs and start by keyboard.
  await page.locator('body').focus();
  await page.keyboard.press('Alt+3');
  await page.getByLabel('Epochs').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('15');
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Start training' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  expect(await epochStatus(page)).toEqual({ epoch: 15, of: 15 });
});
