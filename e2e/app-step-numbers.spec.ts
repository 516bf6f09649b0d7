/**
 * Issue 12, step-through numbers: on a trained network whose rows are fitted almost perfectly, the
 * arithmetic shown adds up as printed ("−ln 0.99995732 = 4.268e-5", not "−ln 1.000 = 4.268e-5"; the output's
 * "(p − t) / rows" likewise), a loss pushed onto the cross-entropy clip's floor says so instead of "went
 * down 96%", and an input that passed through batch normalization is named as such.
 */
import type { Page } from '@playwright/test';
import { expect, networkItems, openView, screenshot, test, useSample } from './app/fixtures.ts';

/** A number as the step-through prints it (thousands separators, exponents). */
function parseShown(text: string): number {
  return Number(text.trim().replace(/,/g, '').replace('−', '-'));
}

/** `value` with four significant digits, as the result is printed (exponent below 1e-3). */
function fourDigits(value: number): number {
  return Number(value.toPrecision(4));
}

async function setStepField(page: Page, label: string, value: string): Promise<void> {
  const r = page.getByRole('region', { name: 'Step through one training iteration' });
  const field = r.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
  await expect(r.getByText('Computing the step in the engine…')).toHaveCount(0, { timeout: 30_000 });
  await expect(r.getByRole('status').filter({ hasText: 'computed on' })).toBeVisible();
}

test('a fitted row: the numbers shown add up, the loss floor is explained, batch-norm inputs are named', async ({
  app: page,
}) => {
  test.setTimeout(180_000);
  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await page.getByRole('button', { name: 'Add Batch normalization layer' }).click();
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await expect(networkItems(page)).toHaveCount(3);
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('300');
  await page.getByLabel('Backend').selectOption('cpu');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 120_000 });

  await page.getByRole('tab', { name: 'Step through' }).click();
  const r = page.getByRole('region', { name: 'Step through one training iteration' });
  await r.getByLabel('Weights').selectOption({ label: 'Run 1 · final weights' });
  await expect(r.getByRole('status').filter({ hasText: 'Run 1, final weights' })).toBeVisible({ timeout: 30_000 });
  await setStepField(page, 'Learning rate for this step', '0.1');

  // The loss with its numbers: p has the digits that give the loss shown.
  await r.getByRole('button', { name: /^\d Loss$/ }).click();
  const example = await r.getByLabel('Loss with numbers').innerText();
  const m = /^L = −ln p\[\w+\] = −ln (0\.\d+) = (\S+)$/.exec(example);
  expect(m, example).not.toBeNull();
  expect(m![1]!.length, `${example}: a fitted row's p needs more than four digits`).toBeGreaterThan(6);
  expect(fourDigits(-Math.log(Number(m![1]))), example).toBe(parseShown(m![2]!));

  // The output's ∂L/∂z: (p − t) / rows, as printed, gives the printed result.
  await r.getByRole('button', { name: /^\d Backward$/ }).click();
  const chain = r.getByRole('region', { name: 'Chain rule for one connection' });
  await chain.getByLabel('Connection layer').selectOption({ index: 2 });
  const fused = (await chain.getByRole('listitem').first().innerText()).trim();
  const f = /^row \d+: \((\S+) − (\S+)\) \/ (\d+) = (\S+) engine/.exec(fused);
  expect(f, fused).not.toBeNull();
  expect(fourDigits((parseShown(f![1]!) - parseShown(f![2]!)) / Number(f![3])), fused).toBe(parseShown(f![4]!));

  // An input of dense_2 is batch norm's output, and says so.
  await chain.getByLabel('Connection layer').selectOption({ index: 1 });
  await chain.getByLabel('Connection from').selectOption({ label: 'dense_1 #3 after batch norm' });
  await expect(chain.getByText('w[dense_1 #3 after batch norm → dense_2 #1]')).toBeVisible();
  await expect(chain.getByTestId('chain-input-note')).toHaveText(
    "xi is what dense_2 receives: dense_1 #3's activation after batch norm, not the activation itself.",
  );

  // The update pushes the fitted row onto the clip's floor: said in words, not as "went down 96%".
  await r.getByRole('button', { name: /^\d Update$/ }).click();
  await expect(r.getByTestId('loss-verdict')).toHaveText('down to its floor');
  await expect(r.getByTestId('loss-floor')).toContainText(
    'The loss is on its floor: probabilities are clipped to [1e-7, 1 − 1e-7] so that ln never sees 0, so it cannot go below about 1e-7.',
  );
  await r.getByTestId('loss-floor').scrollIntoViewIfNeeded();
  await screenshot(page, 'step-numbers-floor');
});
