/**
 * Issue 16's report, in a browser: the page the CLI writes and the one Export ▸ Report downloads open in
 * headless Chromium with no console errors and no request beyond the file itself, in light, dark and print.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { expect, openView, repoPath, screenshot, test, useSample } from './app/fixtures.ts';

const SECTIONS = ['Data', 'Network', 'Training', 'Evaluation', 'Importance', 'Reproduce'];

/** Open a report file; returns what the page logged as errors and every request other than the file itself. */
async function openReport(
  browser: Browser,
  file: string,
  name: string,
): Promise<{ errors: string[]; requests: string[] }> {
  const url = pathToFileURL(file).href;
  const errors: string[] = [];
  const requests: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ colorScheme, viewport: { width: 1100, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(SECTIONS);
    for (const s of SECTIONS)
      await expect(page.getByRole('link', { name: s })).toHaveAttribute('href', `#${s.toLowerCase()}`);
    // Every chart is an image with a name screen readers read out.
    const charts = page.locator('figure.chart > svg[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(6);
    for (const chart of await charts.all()) await expect(chart).toHaveAccessibleName(/\S/);
    await screenshot(page, `${name}-${colorScheme}`);
    const dir = repoPath('test-results/screenshots');
    await page.screenshot({ path: join(dir, `${name}-${colorScheme}-full.png`), fullPage: true });
    if (colorScheme === 'light') {
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(dir, `${name}-print-full.png`), fullPage: true });
    }
    await page.close();
  }
  return { errors, requests };
}

test('the CLI report opens with no errors and loads nothing', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bps-report-e2e-'));
  const [header, ...rows] = readFileSync(repoPath('resources/samples/penguins.csv'), 'utf8').trim().split('\n');
  writeFileSync(join(dir, 'train.csv'), `${[header, ...rows.filter((_, i) => i % 4 !== 0)].join('\n')}\n`);
  writeFileSync(join(dir, 'test.csv'), `${[header, ...rows.filter((_, i) => i % 4 === 0)].join('\n')}\n`);
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [repoPath('bin/backprop-studio.mjs'), ...args], { cwd: dir, encoding: 'utf8' });
  expect(
    cli('train', 'train.csv', '--target', 'sex', '--out', 'm.json', '--quiet', '--epochs', '60', '--test-split', '0')
      .status,
  ).toBe(0);
  const made = cli('report', 'm.json', '--data', 'test.csv', '--out', 'report.html');
  expect(made.stderr).toMatch(/Wrote the report \(\d+ KB\) to report\.html\n$/);
  mkdirSync(repoPath('test-results/screenshots'), { recursive: true });
  const { errors, requests } = await openReport(browser, join(dir, 'report.html'), 'report-cli');
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
});

test("Export ▸ Report downloads the run's report, which opens with no errors and loads nothing", async ({
  app: page,
  browser,
}) => {
  await useSample(page, 'iris');
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('20');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await openView(page, 'Export');
  const card = page.getByRole('region', { name: 'Report (HTML)' });
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'export-report-card');
  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Download report' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('iris-run-1.report.html');
  await expect(page.getByText('Report of Run 1 exported as iris-run-1.report.html.')).toBeVisible();
  const html = readFileSync(await download.path(), 'utf8');
  expect(html).toContain('<dt>File</dt><dd>iris.csv</dd>');
  expect(html).toMatch(/<dt>Scored<\/dt><dd>the test split: \d+ of 150 rows<\/dd>/);
  expect(html).toContain(
    '<pre><code>backprop-studio report iris-run-1.model.json --data TEST.csv --out report.html</code></pre>',
  );
  const file = join(mkdtempSync(join(tmpdir(), 'bps-report-app-')), 'iris-run-1.report.html');
  writeFileSync(file, html);
  const { errors, requests } = await openReport(browser, file, 'report-app');
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
});
