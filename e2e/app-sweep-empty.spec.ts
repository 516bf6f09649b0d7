/**
 * Issue 12: the Sweep tab with nothing to search says, in plain words, what to add. It showed the engine's
 * file-format error in red ("parameters must name at least one field to search, e.g. { … }") with raw JSON.
 */
import { expect, openView, screenshot, test, useSample } from './app/fixtures.ts';

test('an empty search space explains what to add, without an error or JSON', async ({ app: page }) => {
  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  const r = page.getByRole('region', { name: 'Hyperparameter sweep' });
  const space = r.getByRole('region', { name: 'Search space' });
  // Remove every parameter the space starts with.
  const remove = space.getByRole('button', { name: /^Remove / });
  await expect(remove.first()).toBeVisible();
  while (await remove.count()) await remove.first().click();

  await expect(
    space.getByText(
      'No parameters yet. Choose one from “+ Add parameter…” above: the learning rate, the units of the hidden layers or any other setting. Each trial trains the network with values drawn from the ranges you give.',
    ),
  ).toBeVisible();
  await expect(space.getByRole('status')).toHaveText('Add a parameter to search to start.');
  await expect(space.getByRole('alert')).toHaveCount(0);
  await expect(space).not.toContainText('{');
  await expect(r.getByRole('button', { name: 'Start sweep' })).toBeDisabled();
  await screenshot(page, 'sweep-empty-space');

  // Adding one brings the plan back.
  await space.getByLabel('Add parameter').selectOption({ label: 'Learning rate' });
  await expect(space.getByRole('status')).toContainText('12 trials');
  await expect(r.getByRole('button', { name: 'Start sweep' })).toBeEnabled();
});

test('with validation loss as the objective, the curve toggle offers the training loss, not "Validation loss" twice', async ({
  app: page,
}) => {
  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  const r = page.getByRole('region', { name: 'Hyperparameter sweep' });
  const space = r.getByRole('region', { name: 'Search space' });
  await space.getByLabel('Trials').fill('2');
  await space.getByLabel('Objective').selectOption({ label: 'Validation loss' });
  await r.getByRole('button', { name: 'Start sweep' }).click();
  await expect(r.getByRole('region', { name: 'Sweep progress' }).getByText('Finished')).toBeVisible({
    timeout: 60_000,
  });
  const curves = r.getByRole('figure', { name: 'Learning curves' });
  await expect(curves.getByRole('radio')).toHaveText(['Validation loss', 'Training loss']);
  await curves.getByRole('radio', { name: 'Training loss' }).click();
  await expect(curves.getByRole('radio', { name: 'Training loss' })).toHaveAttribute('aria-checked', 'true');
  await curves.scrollIntoViewIfNeeded();
  await screenshot(page, 'sweep-curves-val-loss');
});
