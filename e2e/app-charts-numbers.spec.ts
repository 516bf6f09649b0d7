/**
 * Issue 12: charts and numbers on the Train, Model and Export views. Legends keep the last values after
 * training, in the app's one number format; the run list names its metric; the inner Train tabs have a tab panel;
 * the CLI command wraps and can be copied; long class names stay inside the sidebar and the drawing; the sweep's
 * learning-curve switch offers two different curves.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, importCsv, openView, screenshot, test, useSample } from './app/fixtures.ts';

const LONG = 'Adelie Penguin (Pygoscelis adeliae), collected on Torgersen Island in 2007';
/** A CSV with two features and three classes with long names. */
function longClassCsv(): { name: string; mimeType: string; buffer: Buffer } {
  const names = [LONG, 'Chinstrap penguin (Pygoscelis antarctica), Dream Island', 'Gentoo penguin (Pygoscelis papua)'];
  const rows = ['a,b,species'];
  for (let i = 0; i < 90; i++)
    rows.push(`${(i % 3) + ((i * 37) % 100) / 100},${((i * 53) % 100) / 100},"${names[i % 3]}"`);
  return { name: 'long-classes.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) };
}

/** The legend of a chart as label → value. */
async function legend(chart: Locator): Promise<Record<string, string>> {
  return chart
    .locator('.u-legend tr.u-series')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows
          .slice(1)
          .map((r) => [
            (r.querySelector('.u-label')?.textContent ?? '').trim(),
            (r.querySelector('.u-value')?.textContent ?? '').trim(),
          ]),
      ),
    );
}

async function train(page: Page, epochs: string): Promise<void> {
  await page.getByLabel('Epochs').fill(epochs);
  await page.getByLabel('Backend').selectOption('cpu');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
}

test('after training, legends show the last values and the run list names its metric', async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await train(page, '5');

  // Three significant digits, as everywhere in the app (0.508, 1.23, 6.05e-4), where "—" was shown.
  const number = expect.stringMatching(/^(\d+(\.\d{1,3})?|\d\.\d{2}e-\d+)$/);
  await expect
    .poll(() => legend(page.getByRole('figure', { name: 'Loss', exact: true })))
    .toMatchObject({ 'Train (epoch)': number, 'Validation (epoch)': number });
  await expect
    .poll(() => legend(page.getByRole('figure', { name: 'Accuracy', exact: true })))
    .toMatchObject({ Train: number, Validation: number });
  // No legend row reads "—": a series without points (a fast run's per-batch line) has none.
  const values = await page
    .getByRole('figure', { name: 'Loss', exact: true })
    .locator('.u-legend tr.u-series:visible .u-value')
    .allInnerTexts();
  expect(values.length).toBeGreaterThanOrEqual(2);
  expect(values).not.toContain('—');

  await expect(page.getByRole('region', { name: 'Runs' }).getByRole('button', { name: /^Run 1/ })).toContainText(
    /5 ep · validation accuracy \d+\.\d%/,
  );
  await screenshot(page, 'charts-legend-after-training');

  // Compared, accuracy reads as a percentage as in the run list and Evaluate.
  await train(page, '3');
  await page.getByLabel('Compare Run 1').check();
  await page.getByLabel('Compare Run 2').check();
  await page.getByRole('tab', { name: /^Compare runs/ }).click();
  await expect(page.getByRole('row', { name: /^Best validation accuracy/ }).getByRole('cell')).toHaveText([
    /^\d+\.\d%$/,
    /^\d+\.\d%$/,
  ]);
});

test('the inner Train tabs control a tab panel', async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Train');
  for (const name of ['Compare runs', 'Step through', 'Sweep', 'Live charts']) {
    const tab = page.getByRole('tab', { name, exact: true });
    await tab.click();
    const panel = page.getByRole('tabpanel', { name, exact: true });
    await expect(panel).toBeVisible();
    expect(await tab.getAttribute('aria-controls')).toBe(await panel.getAttribute('id'));
  }
  // Arrow keys move between the tabs.
  await page.getByRole('tab', { name: 'Live charts', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Compare runs', exact: true })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Compare runs', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Live charts', exact: true })).toHaveAttribute('aria-selected', 'true');
});

test('the CLI command wraps and has a Copy button', async ({ app: page, context }) => {
  await context.grantPermissions(['clipboard-write']);
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await train(page, '2');
  await openView(page, 'Export');
  await page.setViewportSize({ width: 1100, height: 800 });

  const command = page.getByLabel('Command line');
  const lines =
    'npx backprop-studio predict iris-run-1.model.json new-data.csv\npython3 backprop_studio.py iris-run-1.model.json new-data.csv --out predictions.csv';
  await expect(command).toHaveText(lines);
  const clipped = await command.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(clipped, 'the command is not clipped').toBe(false);
  // The served app's Permissions-Policy allows clipboard writes only (no reads), so record what is written.
  await page.evaluate(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = async (text: string) => {
      (window as unknown as { copied?: string }).copied = text;
      return write(text);
    };
  });
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByText('Copied the command.')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { copied?: string }).copied)).toBe(lines);
  await screenshot(page, 'export-command');
});

test('long class names stay inside the sidebar and the network drawing', async ({ app: page }) => {
  await importCsv(page, longClassCsv());
  await expect(page.getByRole('heading', { name: 'long-classes.csv' })).toBeVisible();
  await page.getByLabel('Target column').selectOption('species');
  const chip = page.getByText(LONG, { exact: true });
  await expect(chip).toBeVisible();
  const sidebar = await page.locator('aside').first().boundingBox();
  const box = await chip.boundingBox();
  expect(
    box && sidebar && box.x + box.width <= sidebar.x + sidebar.width,
    'the class chip ends inside the sidebar',
  ).toBe(true);
  await expect(chip).toHaveAttribute('title', LONG);

  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  const drawing = page.getByRole('img', { name: /^Network drawing/ });
  const card = await drawing.locator('xpath=ancestor::*[contains(@class, "card")][1]').boundingBox();
  const labels = await drawing.locator('text.label').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent ?? '', left: r.left, right: r.right };
    }),
  );
  expect(labels.length).toBeGreaterThan(0);
  for (const l of labels) {
    expect(card && l.left >= card.x && l.right <= card.x + card.width, `'${l.text}' lies inside the drawing`).toBe(
      true,
    );
  }
  await expect(drawing.locator('circle.output title').first()).toHaveText(LONG);
  await screenshot(page, 'drawing-long-labels');
});

test('the learning-curve switch offers two different curves when the objective is the validation loss', async ({
  app: page,
}) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('3');
  await page.getByRole('tab', { name: 'Sweep' }).click();
  const r = page.getByRole('region', { name: 'Hyperparameter sweep' });
  const space = r.getByRole('region', { name: 'Search space' });
  await space.getByLabel('Trials').fill('2');
  await space.getByLabel('Objective').selectOption({ label: 'Validation loss' });
  await r.getByRole('button', { name: 'Start sweep' }).click();
  await expect(r.getByRole('region', { name: 'Sweep progress' }).getByRole('status')).toHaveText('2 / 2 trials', {
    timeout: 60_000,
  });
  const curve = r.getByRole('radiogroup', { name: 'Curve' }).getByRole('radio');
  await expect(curve).toHaveText(['Validation loss', 'Training loss']);
});

test('with L2 on a layer, the loss chart says what the penalty adds to the loss it shows', async ({ app: page }) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Add Dense layer' }).click();
  await page.getByText('Initialization and regularization').click();
  await page.getByLabel('L2').fill('0.01');
  await openView(page, 'Train');
  await expect(page.getByTestId('loss-penalty')).toHaveCount(0);
  await train(page, '3');
  const note = page.getByTestId('loss-penalty');
  await expect(note).toContainText('The curves show the data loss. The L1/L2 penalty adds');
  const [, penalty, total] = ((await note.innerText()).match(/adds (\S+): .* = (\S+)\.$/s) ?? []).map(Number);
  expect(penalty).toBeGreaterThan(0);
  expect(total).toBeGreaterThan(penalty!);
  await screenshot(page, 'loss-penalty');
});
