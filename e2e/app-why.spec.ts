/**
 * Issue 16, the app's "Why": train penguins briefly, then on Evaluate the importance chart (error bars,
 * columns not shown to matter marked), the partial dependence of the top column and of a category column,
 * and the waterfall of a row clicked in a confusion-matrix cell's row list and on the Data view's grid,
 * with the row's values beside each column; each chart also as a table. The step-through's backward pass
 * ends at the gradient reaching the inputs, which links to Why. Light and dark screenshots.
 */
import type { Locator, Page } from '@playwright/test';
import { dismissToasts, expect, openView, screenshot, test, useSample } from './app/fixtures.ts';

/** Charts the engine computes after a click (partial dependence, a row's waterfall): slow on a busy machine. */
const ENGINE = { timeout: 30_000 };

function why(page: Page): Locator {
  return page.getByRole('region', { name: 'Why: what the model relies on' });
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => {
    document.documentElement.dataset['theme'] = t;
  }, theme);
}

/** Scroll the view's own scroll box so that the element is at its top. */
async function scrollTo(page: Page, target: Locator): Promise<void> {
  await target.evaluate((e) => {
    const box = e.closest('.main');
    if (box) box.scrollTop += e.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  });
}

test("penguins: importance, partial dependence and a clicked row's waterfall on Evaluate ▸ Why", async ({
  app: page,
}) => {
  await useSample(page, 'penguins');
  await expect(page.getByText('Classification · 3 classes')).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('40');
  await page.getByLabel('Backend').selectOption('cpu');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 90_000 });

  await openView(page, 'Evaluate');
  const panel = why(page);
  // Importance is measured when Why is first shown: a ranked chart of the model's 7 columns.
  const chart = panel.getByRole('img', { name: /^Permutation importance: the drop in accuracy/ });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  const summary = (await chart.getAttribute('aria-label')) ?? '';
  const columns = summary
    .split(/\. /)[1]!
    .split('; ')
    .map((c) => c.split(' ')[0]);
  await expect(panel.getByText('Computed by the engine on the test rows (CPU · TypeScript)')).toBeVisible();
  expect([...columns].sort()).toEqual([
    'bill_depth_mm',
    'bill_length_mm',
    'body_mass_g',
    'flipper_length_mm',
    'island',
    'sex',
    'year',
  ]);
  // The bill measurements tell the species apart; the year of the study does not.
  expect(columns.indexOf('year')).toBeGreaterThan(columns.indexOf('bill_length_mm'));
  expect(summary).toMatch(/year -?[\d.]+ ± [\d.]+ \(not shown to matter\)/);
  await panel.getByText('Show as a table').first().click();
  const table = panel.getByRole('table', { name: 'Permutation importance, most important first' });
  await expect(table.getByRole('row')).toHaveCount(8);
  await expect(table.getByRole('row', { name: /^year / })).toContainText('not shown to matter');

  // The top column's partial dependence follows, with a class picker; then a category column as bars.
  const column = panel.getByRole('combobox', { name: /^Column/ });
  await expect(column).toHaveValue(columns[0]!);
  // The class drawn first is the one whose probability moves most along the column.
  await expect(
    panel.getByRole('img', {
      name: new RegExp(`^Partial dependence of P\\((Adelie|Chinstrap|Gentoo)\\) on ${columns[0]}`),
    }),
  ).toBeVisible(ENGINE);
  await panel.getByRole('combobox', { name: /^Class/ }).selectOption('Gentoo');
  await expect(
    panel.getByRole('img', { name: new RegExp(`^Partial dependence of P\\(Gentoo\\) on ${columns[0]}`) }),
  ).toBeVisible(ENGINE);
  await column.selectOption('island');
  const islands = panel.getByRole('img', { name: /^Partial dependence of P\(Gentoo\) on island over \d+ test rows: / });
  await expect(islands).toBeVisible(ENGINE);
  for (const name of ['Biscoe', 'Dream', 'Torgersen'])
    await expect(islands).toHaveAttribute('aria-label', new RegExp(`${name}: [\\d.]+`));
  await scrollTo(page, panel);
  await screenshot(page, 'why-importance-pdp');

  // A row clicked in a confusion-matrix cell's list gets its waterfall, its values beside the columns.
  await scrollTo(page, page.getByRole('heading', { name: 'Confusion matrix' }));
  await page.getByRole('button', { name: /^Actual Gentoo, predicted Gentoo: \d+ rows$/ }).click();
  const list = page.getByRole('region', { name: /^Actual Gentoo, predicted Gentoo/ });
  const pick = list.getByRole('button', { name: /^Why\? Explain row \d+$/ }).first();
  const row = Number((await pick.getAttribute('aria-label'))!.replace(/\D/g, ''));
  await pick.click();
  await expect(panel.getByRole('heading', { name: `Why this row — row ${row}` })).toBeVisible();
  const waterfall = panel.getByRole('img', { name: new RegExp(`^Why row ${row} got P\\(Gentoo\\) = `) });
  await expect(waterfall).toBeVisible(ENGINE);
  await expect(waterfall).toHaveAttribute('aria-label', /island \((Biscoe|Dream|Torgersen)\) [+−]/);
  await expect(panel.getByText(/^Predicted Gentoo with probability /)).toBeVisible();
  await panel.getByText('Show as a table').nth(2).click();
  const steps = panel.getByRole('table', { name: `Attributions of row ${row}, largest first` });
  await expect(steps.getByRole('row')).toHaveCount(1 + 1 + 7 + 1);
  await scrollTo(page, panel.getByRole('heading', { name: /^Why this row/ }));
  await screenshot(page, 'why-waterfall');
  await setTheme(page, 'dark');
  await screenshot(page, 'why-waterfall-dark');
  await scrollTo(page, panel);
  await screenshot(page, 'why-importance-pdp-dark');
  await setTheme(page, 'light');

  // The quick method, and a row typed by number.
  await panel.getByRole('combobox', { name: /^Method/ }).selectOption('gradient-x-input');
  await expect(panel.getByText(/gradient × input need not add up/)).toBeVisible(ENGINE);
  const typed = panel.getByRole('spinbutton', { name: 'Row (1 to 344)' });
  await typed.fill('2.5');
  await panel.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(panel.getByText('Type a whole row number from 1 to 344.')).toBeVisible();
  await typed.fill('999');
  await panel.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(
    panel.getByText('Row 999 does not exist: the loaded table has 344 rows. Pick a row from 1 to 344.'),
  ).toBeVisible();

  // The Data view's grid: a row's Why button opens Evaluate with that row explained.
  await openView(page, 'Data');
  await page.getByRole('tab', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Why? Explain row 3', exact: true }).click();
  await expect(panel.getByRole('heading', { name: 'Why this row — row 3' })).toBeVisible();
  await expect(panel.getByRole('img', { name: /^Why row 3 got P\(\w+\) = / })).toBeVisible(ENGINE);
  await expect(panel.getByRole('img', { name: /^Why row 3 got/ })).toHaveAttribute('aria-label', /sex \(female\)/);

  // The step-through's backward pass has one more stop: the gradient reaching the inputs, linked to Why.
  await openView(page, 'Train');
  await page.getByRole('tab', { name: 'Step through' }).click();
  const step = page.getByRole('region', { name: 'Step through one training iteration' });
  await expect(step.getByRole('status').filter({ hasText: 'computed on' })).toBeVisible({ timeout: 30_000 });
  await step.getByRole('button', { name: 'Update' }).click();
  await step.getByRole('button', { name: 'Previous step' }).click();
  await expect(step.getByRole('heading', { level: 2 })).toHaveText('Backward · the inputs');
  const lesson = step.getByRole('region', { name: 'Backward · the inputs' });
  await expect(lesson).toContainText('∂L/∂xi = Σj ∂L/∂zj · wij');
  await expect(lesson).toContainText(/Largest for this row: \S+\s+-?[\d.e−-]+/);
  await expect(lesson).toContainText('what the Why view on Evaluate adds up');
  await expect(step.getByRole('img', { name: /Network at this step/ })).toContainText('∂L/∂x');
  await dismissToasts(page);
  await page.mouse.move(1, 1);
  await scrollTo(page, step.locator('.panels'));
  await screenshot(page, 'why-step-through-inputs');
  const link = lesson.getByRole('button', { name: /^See why row \d+ got its prediction$/ });
  const linked = Number((await link.innerText()).replace(/\D/g, ''));
  await link.click();
  await expect(panel.getByRole('heading', { name: `Why this row — row ${linked}` })).toBeVisible();
});

test('diabetes: a clicked point of predicted-against-actual gets its waterfall; a number column a curve', async ({
  app: page,
}) => {
  await useSample(page, 'diabetes');
  await expect(page.getByText('Regression', { exact: true })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple regressor' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('30');
  await page.getByLabel('Backend').selectOption('cpu');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 90_000 });
  await openView(page, 'Evaluate');
  const panel = why(page);
  await expect(
    panel.getByRole('img', { name: /^Permutation importance: the drop in R² when each column is shuffled/ }),
  ).toBeVisible({ timeout: 60_000 });
  // The top column's curve: the predicted progression at each of its grid values.
  const top = await panel.getByRole('combobox', { name: /^Column/ }).inputValue();
  const curve = panel.getByRole('img', {
    name: new RegExp(`^Partial dependence of predicted progression on ${top} over \\d+ test rows: `),
  });
  await expect(curve).toBeVisible(ENGINE);
  await panel.getByRole('combobox', { name: /^Column/ }).selectOption('bmi');
  await expect(
    panel.getByRole('img', { name: /^Partial dependence of predicted progression on bmi over \d+ test rows: / }),
  ).toBeVisible(ENGINE);
  const point = page
    .getByRole('button', { name: /^Why\? Explain the point with actual [\d.,]+, predicted -?[\d.,]+$/ })
    .first();
  await point.focus();
  await page.keyboard.press('Enter');
  const waterfall = panel.getByRole('img', {
    name: /^Why row \d+ got the prediction = -?[\d.,]+: from the baseline's/,
  });
  await expect(waterfall).toBeVisible(ENGINE);
  await expect(waterfall).toHaveAttribute('aria-label', /bmi \([\d.]+\) [+−]/);
  await expect(
    panel.locator('p').filter({ hasText: /Predicted\s+-?[\d.]+;\s+the average test row gets [\d.]+\./ }),
  ).toBeVisible();
  // The residual plot: a bar lists its rows, and a row's number explains it.
  await page
    .getByRole('button', { name: /^-?[\d.,]+ to -?[\d.,]+: \d+ — list them$/ })
    .first()
    .click();
  const residualRows = page.getByRole('region', { name: /^Residual -?[\d.,]+ to -?[\d.,]+/ });
  const listed = residualRows.getByRole('button', { name: /^Why\? Explain row \d+$/ }).first();
  const listedRow = Number((await listed.getAttribute('aria-label'))!.replace(/\D/g, ''));
  await scrollTo(
    page,
    page
      .getByRole('heading', { name: /^Residuals/ })
      .or(page.getByText('Residuals (predicted − actual)'))
      .first(),
  );
  await screenshot(page, 'why-residual-rows');
  await listed.click();
  await expect(panel.getByRole('img', { name: new RegExp(`^Why row ${listedRow} got the prediction = `) })).toBeVisible(
    ENGINE,
  );
  await scrollTo(page, panel);
  await screenshot(page, 'why-regression');
  await scrollTo(page, panel.getByRole('heading', { name: /^Why this row/ }));
  await screenshot(page, 'why-regression-waterfall');
});

test("iris on gpu.js WebGL2: importance and a row's waterfall are computed on the run's backend", async ({
  app: page,
}) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('20');
  await page.getByLabel('Backend').selectOption('gpujs-webgl2');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 90_000 });
  await openView(page, 'Evaluate');
  const panel = why(page);
  await expect(panel.getByRole('img', { name: /^Permutation importance/ })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText(/^Computed by the engine on the test rows \(.*WebGL2.*\)/)).toBeVisible();
  await panel.getByRole('spinbutton', { name: 'Row (1 to 150)' }).fill('120');
  await panel.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(panel.getByRole('img', { name: /^Why row 120 got P\(\w+\) = / })).toBeVisible(ENGINE);
});
