/** The report builder: every section, a text alternative for every chart, nothing loaded, everything escaped. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { parseCsv } from '../data/index.ts';
import { DatasetError } from '../errors.ts';
import { stringifyModelFile } from '../export/index.ts';
import { syntheticCsv, trainedModel } from '../explain/fixtures/synthetic.ts';
import { HOSTILE_CATEGORY, HOSTILE_CLASS, HOSTILE_COLUMN, hostileCsv } from './fixtures/hostile.ts';
import { buildReport, collectReport, REPORT_SECTIONS, sha256Hex, type CollectOptions } from './index.ts';

const reproduce = {
  commands: [{ label: 'Again:', command: 'backprop-studio report m.json --data t.csv --out r.html' }],
  versions: { Test: '1' },
};

async function report(trainCsv: string, testCsv: string, o: Partial<CollectOptions> = {}): Promise<string> {
  const { model } = await trainedModel(trainCsv, { epochs: 30 });
  const backend = new CpuBackend();
  try {
    const input = await collectReport(model, parseCsv(testCsv), backend, {
      file: 'test.csv',
      modelSource: stringifyModelFile(model),
      reproduce,
      repeats: 2,
      createdAt: '2026-01-02T03:04:05.000Z',
      ...o,
    });
    return buildReport(input);
  } finally {
    backend.destroy();
  }
}

const binary = await report(syntheticCsv(300, 'classification'), syntheticCsv(120, 'classification', 31));
const regression = await report(syntheticCsv(300, 'regression'), syntheticCsv(120, 'regression', 32));
const hostile = await report(hostileCsv(300), hostileCsv(80, 9));

/** Each `<svg role="img">` with the ids it names. */
function images(html: string): { labelledBy: string[]; svg: string }[] {
  return [...html.matchAll(/<svg [^>]*role="img" aria-labelledby="([^"]+)"[^>]*>([\s\S]*?)<\/svg>/g)].map((m) => ({
    labelledBy: m[1]!.split(' '),
    svg: m[2]!,
  }));
}

describe('buildReport', () => {
  it.each([
    ['binary classification', binary],
    ['regression', regression],
    ['hostile names', hostile],
  ])('%s: the six sections in order, headings never skip a level, ids unique', (_, html) => {
    const h2 = [...html.matchAll(/<h2 id="([a-z]+)-h">([^<]+)<\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(h2).toEqual(Object.entries(REPORT_SECTIONS));
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.slice(1).forEach((l, i) => expect(l).toBeLessThanOrEqual(levels[i]! + 1));
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['binary classification', binary],
    ['regression', regression],
    ['hostile names', hostile],
  ])('%s: every chart is an image with a title and a description, and a table beside it', (_, html) => {
    const charts = images(html);
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const c of charts) {
      const [t, d] = c.labelledBy;
      expect(c.svg).toMatch(new RegExp(`^<title id="${t}">[^<]+</title><desc id="${d}">[^<]{20,}</desc>`));
    }
    // A table with the chart's numbers follows each chart within its (sub)section.
    const starts = [...html.matchAll(/<figure class="chart/g)].map((m) => m.index);
    expect(starts.length).toBe(charts.length);
    for (const at of starts) expect(html.slice(at).split(/<h[23][ >]/)[0]).toMatch(/<table>/);
  });

  it.each([
    ['binary classification', binary],
    ['regression', regression],
    ['hostile names', hostile],
  ])('%s: self-contained: no URL, no script, nothing to load, and a policy that forbids loading', (_, html) => {
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<script|<img|<link|<iframe|<object|<embed|@import|url\((?!#net-arrow\))/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html.length).toBeLessThan(400_000);
  });

  it('binary classification: metrics, confusion matrix, ROC and precision-recall, importance and partial dependence', () => {
    expect(binary).toMatch(/<dt>Accuracy<\/dt><dd>\d+\.\d%<\/dd>/);
    expect(binary).toContain(
      '<caption>Confusion matrix: rows are the actual classes, columns the predicted ones</caption>',
    );
    expect(binary).toMatch(/<title id="roc-t">ROC of &#39;yes&#39; \(area [\d.]+\)<\/title>/);
    expect(binary).toContain('<title id="pr-t">Precision-recall of');
    const ranked = [...binary.matchAll(/<tr><th scope="row">\d+<\/th><td>([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(ranked.slice(0, 2).sort()).toEqual(['a', 'cat']);
    expect(binary).toContain('<title id="pdp0-t">Partial dependence on &#39;');
    expect(binary).toContain('<dt>Model file SHA-256</dt>');
  });

  it("importance rows give mean and std with the same 4 decimals and a sign, as the CLI's explain does", () => {
    const cells = [...binary.matchAll(/<td class="num">([^<]*±[^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells.length).toBeGreaterThan(3);
    for (const cell of cells) expect(cell).toMatch(/^[+-]\d+\.\d{4} ± \d+\.\d{4}$/);
  });

  it('regression: R², MAE and RMSE, predicted against actual and residuals, with the rows as a table', () => {
    expect(regression).toMatch(/<dt>R²<\/dt><dd>0\.\d+<\/dd>/);
    expect(regression).toContain('<title id="pva-t">Predicted against actual &#39;target&#39;</title>');
    expect(regression).toContain('<title id="resid-t">Residuals (predicted − actual) against predicted</title>');
    expect(regression).toContain('<caption>All 120 rows: actual, predicted and residual</caption>');
    expect(regression).not.toContain('id="roc-t"');
    expect(regression).toContain('<caption>How each column becomes inputs (fitted on the training rows)</caption>');
    expect(regression).toMatch(/<tr><th scope="row">a<\/th><td>number, standardized \(x − -?[\d.]+\) \/ [\d.]+<\/td>/);
    expect(regression).toMatch(
      /<tr><th scope="row">cat<\/th><td>one 0\/1 input per category \(3\)<\/td><td class="num">3<\/td>/,
    );
  });

  it('escapes column names, categories and class labels that are markup, wherever they appear', () => {
    for (const raw of [HOSTILE_COLUMN, HOSTILE_CATEGORY, HOSTILE_CLASS]) expect(hostile).not.toContain(raw);
    expect(hostile).toContain('&lt;script&gt;alert(&quot;col&quot;)&lt;/script&gt;');
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).toContain('&lt;b&gt;yes&lt;/b&gt; &amp; &quot;more&quot;');
  });

  it("Reproduce gives the model file's SHA-256, the seed and the command", async () => {
    const { model } = await trainedModel(syntheticCsv(100, 'classification'), { epochs: 2 });
    const text = stringifyModelFile(model);
    const backend = new CpuBackend();
    const input = await collectReport(model, parseCsv(syntheticCsv(40, 'classification', 4)), backend, {
      file: 't.csv',
      modelSource: text,
      reproduce,
      repeats: 1,
      top: 0,
    });
    backend.destroy();
    const html = buildReport(input);
    expect(input.reproduce.modelChecksum).toBe(sha256Hex(text));
    expect(html).toContain(`<dt>Model file SHA-256</dt><dd>${sha256Hex(text)}</dd>`);
    expect(html).toContain(`<dt>Seed</dt><dd>${model.seed}</dd>`);
    expect(html).toContain('<pre><code>backprop-studio report m.json --data t.csv --out r.html</code></pre>');
    expect(html).not.toContain('id="pdp0-t"');
  });
});

describe('collectReport refuses', () => {
  it('data without the target column, naming the file and the column', async () => {
    const { model } = await trainedModel(syntheticCsv(60, 'classification'), { epochs: 1 });
    const unlabelled = syntheticCsv(10, 'classification').replace(/,target\n/, ',other\n');
    const run = collectReport(model, parseCsv(unlabelled), new CpuBackend(), {
      file: 'new.csv',
      modelSource: '',
      reproduce,
    });
    await expect(run).rejects.toThrow(DatasetError);
    await expect(run).rejects.toThrow(
      "'new.csv' has no column 'target', the model's target, so the report has nothing to evaluate the predictions against. Use a labelled CSV with a 'target' column (the test rows you held out).",
    );
  });
});
