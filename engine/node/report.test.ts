/** `report` end to end on the iris sample: the written page, and every bad input's message (nothing written). */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKEND_NAMES } from '../spec/index.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-report-'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const [header, ...rows] = readFileSync(join(root, 'resources', 'samples', 'iris.csv'), 'utf8')
  .trim()
  .split('\n');
// Every fifth row is held out for the report; the model trains on the rest.
writeFileSync(join(dir, 'train.csv'), `${[header, ...rows.filter((_, i) => i % 5 !== 0)].join('\n')}\n`);
writeFileSync(join(dir, 'test.csv'), `${[header, ...rows.filter((_, i) => i % 5 === 0)].join('\n')}\n`);
writeFileSync(join(dir, 'unlabelled.csv'), `${header!.replace(/,species$/, '')}\n5.1,3.5,1.4,0.2\n`);
mkdirSync(join(dir, 'folder'));
const trained = cli(
  'train',
  'train.csv',
  '--target',
  'species',
  '--out',
  'm.json',
  '--quiet',
  '--epochs',
  '40',
  '--test-split',
  '0',
);

describe('report', () => {
  it('writes one self-contained page with every section, the model checksum and the command to make it again', () => {
    expect(trained.code).toBe(0);
    const r = cli('report', 'm.json', '--data', 'test.csv', '--out', 'report.html', '--repeats', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Wrote the report \(\d+ KB\) to report\.html\n$/);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect([...html.matchAll(/<h2 id="[a-z]+-h">([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
      'Data',
      'Network',
      'Training',
      'Evaluation',
      'Importance',
      'Reproduce',
    ]);
    expect(html).toContain('<dt>File</dt><dd>test.csv</dd><dt>Rows</dt><dd>30</dd>');
    const sha = createHash('sha256')
      .update(readFileSync(join(dir, 'm.json')))
      .digest('hex');
    expect(html).toContain(`<dt>Model file SHA-256</dt><dd>${sha}</dd>`);
    expect(html).toContain(
      '<pre><code>backprop-studio report m.json --data test.csv --out report.html --repeats 2</code></pre>',
    );
    expect(html).toContain('<title id="loss-t">Loss per epoch</title>');
    expect(html).toContain('<caption>Scores at the end of training, per split of the training file</caption>');
    expect(html).toMatch(/<tr><th scope="row">train<\/th><td class="num">[\d.e-]+<\/td><td class="num">[\d.]+<\/td>/);
    expect(html).toContain(
      '<caption>Confusion matrix: rows are the actual classes, columns the predicted ones</caption>',
    );
    expect(html).toMatch(/<caption>Permutation importance, most important first<\/caption>/);
    expect(html).not.toMatch(/https?:|<script/i);
  });

  it('--title sets the title (escaped), --top 0 leaves out the partial-dependence charts', () => {
    const r = cli(
      'report',
      'm.json',
      '--data',
      'test.csv',
      '--out',
      'titled.html',
      '--title',
      'Q3 <iris> & co',
      '--top',
      '0',
      '--repeats',
      '1',
    );
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'titled.html'), 'utf8');
    expect(html).toContain('<title>Q3 &lt;iris&gt; &amp; co</title>');
    expect(html).not.toContain('id="pdp0-t"');
  });

  it.each([
    [
      ['m.json', '--out', 'r.html'],
      'error: report needs --data TEST.csv: a labelled CSV to evaluate the model on, ideally rows it did not train on.\n',
    ],
    [['m.json', '--data', 'test.csv'], 'error: report needs --out report.html: where to write the report.\n'],
    [
      ['m.json', '--data', 'unlabelled.csv', '--out', 'r.html'],
      "error: 'unlabelled.csv' has no column 'species', the model's target, so the report has nothing to evaluate the predictions against. Use a labelled CSV with a 'species' column (the test rows you held out).\n",
    ],
    [
      ['m.json', '--data', 'test.csv', '--out', 'test.csv'],
      "error: --out 'test.csv' is the CSV file 'test.csv', which this command reads; writing there would replace it. Choose another file name.\n",
    ],
    [
      ['m.json', '--data', 'test.csv', '--out', 'm.json'],
      "error: --out 'm.json' is the model file 'm.json', which this command reads; writing there would replace it. Choose another file name.\n",
    ],
    [
      ['m.json', '--data', 'test.csv', '--out', '/proc/r.html'],
      "error: --out '/proc/r.html': cannot create a file in '/proc': the folder cannot hold new files. Nothing was computed.\n",
    ],
    [
      ['m.json', '--data', 'test.csv', '--out', 'missing/r.html'],
      "error: --out 'missing/r.html': the folder 'missing' does not exist. Create it first (mkdir -p 'missing') or choose another folder. Nothing was computed.\n",
    ],
    [
      ['m.json', '--data', 'test.csv', '--out', 'folder'],
      "error: --out 'folder' is a folder. Name a file inside it, e.g. 'folder/report.html'. Nothing was computed.\n",
    ],
    [
      ['m.json', '--data', 'nowhere.csv', '--out', 'r.html'],
      `error: CSV file 'nowhere.csv' does not exist. Check the path (it is relative to ${dir}).\n`,
    ],
    [
      ['test.csv', '--data', 'test.csv', '--out', 'r.html'],
      `error: Model file 'test.csv' is not valid JSON (Unexpected token 's', "sepal_leng"... is not valid JSON). Fix the file or export it again.\n`,
    ],
    [
      ['m.json', '--data', 'test.csv', '--out', 'r.html', '--backend', 'abacus'],
      `error: --backend must be one of ${BACKEND_NAMES.join(', ')}, got 'abacus'.\n`,
    ],
  ])('report %j says what is wrong and writes nothing', (args, message) => {
    const r = cli('report', ...args);
    expect([r.code, r.stderr]).toEqual([1, message]);
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });

  it('--out equal to an input leaves the input as it was', () => {
    const before = readFileSync(join(dir, 'test.csv'), 'utf8');
    cli('report', 'm.json', '--data', 'test.csv', '--out', 'test.csv');
    expect(readFileSync(join(dir, 'test.csv'), 'utf8')).toBe(before);
  });
});
