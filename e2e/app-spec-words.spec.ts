/**
 * Issue 12: spec problems in the app speak the app's words (the layer's name and the field's label), and the
 * card and drawing show what was typed (units -3 is not drawn as 1 unit; dropout 1.5 is not "drop 150%").
 */
import { expect, openView, screenshot, test, useSample } from './app/fixtures.ts';

test('invalid units and dropout rate are named as the app labels them and shown as typed', async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await page.getByLabel('Units').fill('-3');

  const message = 'Dense 1: Units must be a whole number of at least 1, got -3.';
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('alert')).toHaveText(message);
  // A screen reader reads the message with the box: the box is marked invalid and described by it.
  await expect(page.getByLabel('Units')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Units')).toHaveAccessibleDescription(message);
  const card = page.locator('[data-layer-id="dense_1"]');
  await expect(card.getByRole('alert')).toHaveText(message);
  await expect(card).toContainText('Units: -3 (not valid)');
  await expect(card).toContainText('? params');
  const drawing = page.getByRole('img', { name: /^Network drawing/ });
  await expect(drawing).toContainText('Units: -3 (not valid)');
  await expect(drawing).not.toContainText('1 unit');
  await screenshot(page, 'spec-words-units');

  await page.getByLabel('Units').fill('');
  await expect(inspector.getByRole('alert')).toHaveText(
    'Dense 1: Units must be a whole number of at least 1; the box holds no number.',
  );
  await page.getByLabel('Units').fill('1e999');
  await expect(inspector.getByRole('alert')).toHaveText(
    'Dense 1: Units must be a whole number of at least 1; the box holds no number.',
  );
  await expect(card).toContainText('Units: no number (not valid)');

  // A billion units (the engine judges the size; the drawing shows a few and counts the rest, without hanging).
  await page.getByLabel('Units').fill('1000000000');
  await expect(drawing).toContainText('1,000,000,000 units');
  await expect(drawing).toContainText('+999,999,985 more');
  await expect(inspector.getByRole('alert')).toContainText('over the limit of 100,000 units per layer');

  await page.getByLabel('Units').fill('1');
  await expect(card).toContainText('1 unit ·');
  await expect(drawing).toContainText('1 unit');

  await page.getByRole('button', { name: 'Add Dropout layer' }).click();
  await page.getByLabel('Rate (fraction dropped)').fill('1.5');
  await expect(inspector.getByRole('alert')).toHaveText('Dropout 1: Rate must be a number ≥ 0 and < 1, got 1.5.');
  await expect(page.getByLabel('Rate (fraction dropped)')).toHaveAccessibleDescription(
    'Dropout 1: Rate must be a number ≥ 0 and < 1, got 1.5.',
  );
  const dropout = page.locator('[data-layer-id="dropout_1"]');
  await expect(dropout).toContainText('Rate: 1.5 (not valid)');
  await expect(dropout).not.toContainText('150%');
  await screenshot(page, 'spec-words-dropout');
});

test('training settings problems name the field by its label', async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('0');
  await expect(page.getByRole('form', { name: 'Training settings' }).getByRole('alert')).toHaveText(
    'Epochs must be a whole number of at least 1, got 0.',
  );
});
