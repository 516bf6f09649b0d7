/** `explain` end to end: the ranking on data with a known answer, its JSON, and every bad input's message. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticCsv } from '../explain/fixtures/synthetic.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bps-explain-'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

writeFileSync(join(dir, 'train.csv'), syntheticCsv(400, 'classification'));
writeFileSync(join(dir, 'test.csv'), syntheticCsv(200, 'classification', 21));
writeFileSync(
  join(dir, 'unlabelled.csv'),
  syntheticCsv(5, 'classification', 22)
    .replace(/,target\n/, '\n')
    .replace(/,(yes|no)\n/g, '\n'),
);
writeFileSync(
  join(dir, 'gaps.csv'),
  syntheticCsv(30, 'classification', 23)
    .replace(/,(yes|no)\n/, ',\n')
    .replace(/,(yes|no)\n/, ',NA\n')
    .replace(/,(yes|no)\n/, ',maybe\n'),
);
writeFileSync(join(dir, 'header-only.csv'), 'a,b,cat,noise,tag,day,target\n');
writeFileSync(join(dir, 'few-columns.csv'), 'a,b,cat\n1,2,u\n');
mkdirSync(join(dir, 'folder'));
const trained = cli(
  'train',
  'train.csv',
  '--target',
  'target',
  '--out',
  'm.json',
  '--quiet',
  '--test-split',
  '0',
  '--validation-split',
  '0.1',
);

interface ImportanceJson {
  metric: string;
  columns: { column: string; mean: number; std: number; shownToMatter: boolean }[];
  rows: number;
  rowsLeftOut: number;
}

describe('explain: permutation importance', () => {
  it('ranks a and cat (all the label depends on) first, marks the unrelated columns, and writes the ranked JSON', () => {
    expect(trained.code).toBe(0);
    const r = cli('explain', 'm.json', 'test.csv', '--out', 'imp.json');
    expect([r.code, r.stderr]).toEqual([0, 'Wrote the importance of 6 columns to imp.json\n']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'Permutation importance on 200 rows (5 repeats per column, seed 42): how much accuracy drops and the loss rises when a column is shuffled.',
    );
    expect(
      lines
        .slice(4, 6)
        .map((l) => l.split(/\s+/)[2])
        .sort(),
    ).toEqual(['a', 'cat']);
    const json = JSON.parse(readFileSync(join(dir, 'imp.json'), 'utf8')) as ImportanceJson;
    expect(json.metric).toBe('accuracy');
    expect(
      json.columns
        .map((c) => c.column)
        .slice(0, 2)
        .sort(),
    ).toEqual(['a', 'cat']);
    expect(json.columns.map((c) => Object.keys(c).slice(0, 3))).toEqual(
      json.columns.map(() => ['column', 'mean', 'std']),
    );
    expect(json.columns.slice(0, 2).every((c) => c.shownToMatter)).toBe(true);
    const means = json.columns.map((c) => c.mean);
    expect(means).toEqual([...means].sort((a, b) => b - a));
    for (const c of json.columns.filter((x) => !x.shownToMatter))
      expect(lines.find((l) => l.includes(` ${c.column} `))).toMatch(/\(not shown to matter\)$/);
  });

  it('is seeded: --seed gives the same table twice, and --repeats sets the count', () => {
    const a = cli('explain', 'm.json', 'test.csv', '--seed', '9', '--repeats', '2');
    expect(a.stdout).toBe(cli('explain', 'm.json', 'test.csv', '--seed', '9', '--repeats', '2').stdout);
    expect(a.stdout).toMatch(/^Permutation importance on 200 rows \(2 repeats per column, seed 9\)/);
  });

  it('leaves out and counts rows whose target is missing or unknown', () => {
    const r = cli('explain', 'm.json', 'gaps.csv', '--repeats', '1');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "warning: 3 rows have a target in column 'target' that is missing or not one of the model's classes ('(missing)', 'maybe'); they are left out of the scores.\nScored 27 of 30 rows; 3 left out (target missing or unknown).\n",
    );
    expect(r.stdout).toMatch(/^Permutation importance on 27 rows/);
  });

  it.each([
    [
      ['m.json', 'unlabelled.csv'],
      "error: The CSV has no column 'target', the model's target, so permutation importance has nothing to score the shuffled predictions against. Use a labelled CSV, or explain single predictions with --rows, which need no target.\n",
    ],
    [['m.json', 'test.csv', '--repeats', '0'], "error: --repeats must be a whole number ≥ 1 and ≤ 1,000, got '0'.\n"],
    [
      ['m.json', 'test.csv', '--repeats', 'many'],
      "error: --repeats must be a whole number ≥ 1 and ≤ 1,000, got 'many'.\n",
    ],
    [['m.json', 'test.csv', '--seed=-1'], "error: --seed must be a whole number ≥ 0 and ≤ 4,294,967,295, got '-1'.\n"],
    [
      ['m.json', 'test.csv', '--backend', 'gpu'],
      "error: --backend must be one of auto, cpu, wasm, gpujs-webgpu, gpujs-webgl2, gpujs-webasm, gpujs-cpu, got 'gpu'.\n",
    ],
    [
      ['m.json', 'test.csv', '--repeat', '3'],
      "error: Unknown flag '--repeat' for 'explain'. Valid flags: --repeats, --seed, --rows, --method, --baseline, --steps, --pdp, --ice, --grid, --out, --backend, --decimal, --date-order, --skip-malformed-rows, --help. See 'backprop-studio explain --help'.\n",
    ],
    [['m.json'], "error: 'explain' needs DATA.csv. Usage: backprop-studio explain MODEL.json DATA.csv [flags]\n"],
    [
      ['m.json', 'test.csv', '--out', 'folder'],
      "error: --out 'folder' is a folder. Name a file inside it, e.g. 'folder/explain.json'. Nothing was computed.\n",
    ],
    [
      ['m.json', 'test.csv', '--out', 'nope/x.json'],
      "error: --out 'nope/x.json': the folder 'nope' does not exist. Create it first (mkdir -p 'nope') or choose another folder. Nothing was computed.\n",
    ],
    [
      ['m.json', 'test.csv', '--out', './test.csv'],
      "error: --out './test.csv' is the CSV file 'test.csv', which this command reads; writing there would replace it. Choose another file name.\n",
    ],
    [
      ['m.json', 'test.csv', '--out', 'm.json'],
      "error: --out 'm.json' is the model file 'm.json', which this command reads; writing there would replace it. Choose another file name.\n",
    ],
    [
      ['test.csv', 'test.csv'],
      "error: Model file 'test.csv' is not valid JSON (Unexpected token 'a', \"a,b,cat,no\"... is not valid JSON). Fix the file or export it again.\n",
    ],
  ])('explain %j: one clear line, nothing written', (args, message) => {
    expect(trained.code).toBe(0);
    const before = readdirSync(dir).sort();
    const r = cli('explain', ...args);
    expect([r.code, r.stderr, r.stdout]).toEqual([1, message, '']);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

interface RowsJson {
  method: string;
  output: string;
  steps: number | null;
  rows: {
    row: number;
    label: string;
    prediction: number;
    baseline: number;
    attributions: Record<string, number>;
    values: Record<string, string>;
  }[];
}
const readRows = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as RowsJson;
const attributionSum = (row: RowsJson['rows'][number]) => Object.values(row.attributions).reduce((s, v) => s + v, 0);

describe('explain --rows: attributions by gradients to the inputs', () => {
  it.each(['cpu', 'wasm'])(
    "Integrated Gradients on %s with the CLI's 64 steps: each row's attributions add up to prediction − baseline within 1e-3",
    (backend) => {
      expect(trained.code).toBe(0);
      const r = cli(
        'explain',
        'm.json',
        'test.csv',
        '--rows',
        '1-6,20',
        '--backend',
        backend,
        '--out',
        `rows-${backend}.json`,
      );
      expect([r.code, r.stderr]).toEqual([0, `Wrote the attributions of 7 rows to rows-${backend}.json\n`]);
      expect(r.stdout.split('\n')[0]).toBe(
        "Integrated Gradients (64 steps) of the predicted class's probability, from a baseline of the mean of the 200 rows of test.csv (after preprocessing).",
      );
      expect(r.stdout.match(/^Row \d+:/gm)).toEqual([
        'Row 1:',
        'Row 2:',
        'Row 3:',
        'Row 4:',
        'Row 5:',
        'Row 6:',
        'Row 20:',
      ]);
      const json = readRows(`rows-${backend}.json`);
      expect([json.method, json.output, json.steps]).toEqual(['integrated-gradients', 'probability', 64]);
      expect(json.rows.map((x) => x.row)).toEqual([1, 2, 3, 4, 5, 6, 20]);
      for (const row of json.rows) {
        expect(Object.keys(row.attributions)).toEqual(['a', 'b', 'cat', 'noise', 'tag', 'day']);
        expect(Math.abs(attributionSum(row) - (row.prediction - row.baseline))).toBeLessThan(1e-3);
      }
      expect(json.rows[0]!.values).toEqual(
        Object.fromEntries(
          ['a', 'b', 'cat', 'noise', 'tag', 'day'].map((c, i) => [
            c,
            readFileSync(join(dir, 'test.csv'), 'utf8')
              .split('\n')[1]!
              .split(',')
              [i]!.replace(/^(-?)0+(\d)/, '$1$2')
              .replace(/\.?0+$/, ''),
          ]),
        ),
      );
    },
  );

  it('a row as its own baseline changes nothing: every attribution is 0; no target column is needed', () => {
    writeFileSync(
      join(dir, 'row3.csv'),
      `${readFileSync(join(dir, 'unlabelled.csv'), 'utf8').split('\n').slice(0, 1).join('')}\n${readFileSync(join(dir, 'unlabelled.csv'), 'utf8').split('\n')[3]}\n`,
    );
    const r = cli('explain', 'm.json', 'unlabelled.csv', '--rows', '3', '--baseline', 'row3.csv', '--out', 'self.json');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      "Integrated Gradients (64 steps) of the predicted class's probability, from a baseline of the row of row3.csv.",
    );
    const row = readRows('self.json').rows[0]!;
    expect(row.prediction).toBe(row.baseline);
    expect(Object.values(row.attributions)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('rows and partial dependence use no target, so missing targets raise no warning there', () => {
    for (const args of [
      ['--rows', '1'],
      ['--pdp', 'cat'],
    ]) {
      const r = cli('explain', 'm.json', 'gaps.csv', ...args);
      expect([r.code, r.stderr]).toEqual([0, '']);
    }
  });

  it('gradient × input with a zero baseline says its sum need not match the change', () => {
    const r = cli(
      'explain',
      'm.json',
      'test.csv',
      '--rows',
      '2',
      '--method',
      'gradient-x-input',
      '--baseline',
      'zeros',
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      "Gradient × input of the predicted class's probability, from a baseline of all inputs 0 after preprocessing (a standardized number at its training mean, no category set).",
    );
    expect(r.stdout).toMatch(/\n {2}sum [+-][\d.e-]+ \(gradient × input need not add up to the change\)\n$/);
  });

  it.each([
    [['--rows', '0'], "error: --rows counts data rows from 1 (the first row below the header), got '0'.\n"],
    [['--rows', '5-2'], "error: --rows range '5-2' runs backwards. Write it as 2-5.\n"],
    [
      ['--rows', 'first'],
      "error: --rows must be row numbers or ranges like 1-8 or 3,7,10-12 (data rows, counted from 1 below the header), got 'first'.\n",
    ],
    [
      ['--rows', '1-1,'],
      "error: --rows must be row numbers or ranges like 1-8 or 3,7,10-12 (data rows, counted from 1 below the header), got '1-1,'.\n",
    ],
    [
      ['--rows', '1-999999999999'],
      "error: --rows '1-999999999999' names more than 1,000 rows; explain at most 1,000 at once.\n",
    ],
    [
      ['--rows', '3,201'],
      "error: --rows asks for row 201, but 'test.csv' has 200 data rows. Choose rows from 1 to 200.\n",
    ],
    [
      ['--rows', '1', '--method', 'shap'],
      "error: --method must be one of integrated-gradients, gradient-x-input, got 'shap'.\n",
    ],
    [['--rows', '1', '--steps', '0'], "error: --steps must be a whole number ≥ 1 and ≤ 10,000, got '0'.\n"],
    [
      ['--rows', '1', '--method', 'gradient-x-input', '--steps', '8'],
      'error: --steps sets the path of integrated-gradients; gradient-x-input takes one gradient. Leave --steps out.\n',
    ],
    [
      ['--method', 'gradient-x-input'],
      'error: --method is for explaining rows: add --rows (e.g. --rows 1-8), or leave it out for permutation importance.\n',
    ],
    [
      ['--rows', '1', '--repeats', '3'],
      'error: --repeats is for permutation importance, not --rows. Leave one of them out.\n',
    ],
    [['--rows', '1', '--baseline', ''], "error: --baseline must be mean, zeros, or a CSV file, got ''.\n"],
    [
      ['--rows', '1', '--baseline', 'nope.csv'],
      `error: CSV file 'nope.csv' does not exist. Check the path (it is relative to ${dir}).\n`,
    ],
    [
      ['--rows', '1', '--baseline', 'header-only.csv'],
      "error: Baseline 'header-only.csv': The file has a header row (7 columns) but no data rows. Add rows of data below the header.\n",
    ],
    [
      ['--rows', '1', '--baseline', 'few-columns.csv'],
      "error: Baseline 'few-columns.csv': The file is missing the columns 'noise', 'tag', 'day' that the model was trained on. Add them (same name) to the file.\n",
    ],
    [
      ['--rows', '1', '--baseline', 'train.csv', '--out', 'train.csv'],
      "error: --out 'train.csv' is the baseline CSV 'train.csv', which this command reads; writing there would replace it. Choose another file name.\n",
    ],
  ])('explain m.json test.csv %j: one clear line, nothing written', (args, message) => {
    expect(trained.code).toBe(0);
    const before = readdirSync(dir).sort();
    const r = cli('explain', 'm.json', 'test.csv', ...args);
    expect([r.code, r.stderr, r.stdout]).toEqual([1, message, '']);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

interface PdpJson {
  column: string;
  kind: string;
  output: string;
  outputs: string[];
  points: { value: string; average: Record<string, number> }[];
  ice?: { row: number; values: Record<string, number>[] }[];
}

describe('explain --pdp: partial dependence', () => {
  it("of a: the probability of yes rises along the grid; --ice writes each row's curve", () => {
    expect(trained.code).toBe(0);
    const r = cli('explain', 'm.json', 'test.csv', '--pdp', 'a', '--grid', '6', '--ice', '--out', 'pdp.json');
    expect([r.code, r.stderr]).toEqual([0, "Wrote the partial dependence on 'a' (6 values) to pdp.json\n"]);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      "Partial dependence on 'a' over 200 rows: the average predicted probability of each class as 'a' takes each value of the grid (quantiles of its values), the other columns as they are in each row.",
      "In brackets: the lowest and highest of the rows' own predictions (their individual curves are in --out).",
      '',
      expect.stringMatching(/^a +no +yes$/),
    ]);
    const json = JSON.parse(readFileSync(join(dir, 'pdp.json'), 'utf8')) as PdpJson;
    expect([json.column, json.kind, json.output, json.outputs]).toEqual(['a', 'number', 'probability', ['no', 'yes']]);
    const yes = json.points.map((p) => p.average.yes!);
    expect(yes[yes.length - 1]! - yes[0]!).toBeGreaterThan(0.5);
    expect(json.ice).toHaveLength(200);
    expect(json.ice![0]!.values).toHaveLength(6);
  });

  it('of cat: one line per category, yes likelier at w than at u; no target column needed', () => {
    writeFileSync(
      join(dir, 'test-unlabelled.csv'),
      readFileSync(join(dir, 'test.csv'), 'utf8').replace(/,[^,\n]*\n/g, '\n'),
    );
    const r = cli('explain', 'm.json', 'test-unlabelled.csv', '--pdp', 'cat');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.trim().split('\n').slice(3);
    const yes = Object.fromEntries(lines.map((l) => l.split(/\s+/)).map((p) => [p[0], Number(p[2])]));
    expect(Object.keys(yes).sort()).toEqual(['u', 'v', 'w']);
    expect(yes.w! - yes.u!).toBeGreaterThan(0.3);
  });

  it.each([
    [
      ['--pdp', 'target'],
      "error: 'target' is the model's target, what it predicts; partial dependence follows the prediction over one" +
        " of its input columns: 'a', 'b', 'cat', 'noise', 'tag', 'day'. Give one of those.\n",
    ],
    [
      ['--pdp', 'nope'],
      "error: 'nope' is not a column the model uses. Its columns: 'a', 'b', 'cat', 'noise', 'tag', 'day'.\n",
    ],
    [
      ['--pdp', 'cat', '--grid', '5'],
      "error: --grid does not apply to 'cat', a category column: partial dependence takes each of its categories." +
        ' Leave out --grid (it sets the points of a number or date column).\n',
    ],
    [['--pdp', 'a', '--grid', '1'], "error: --grid must be a whole number ≥ 2 and ≤ 100, got '1'.\n"],
    [['--pdp', 'a', '--rows', '1'], 'error: --rows and --pdp ask for different explanations. Give one of them.\n'],
    [['--pdp', 'a', '--seed', '3'], 'error: --seed is for permutation importance, not --pdp. Leave one of them out.\n'],
    [
      ['--pdp', 'a', '--method', 'gradient-x-input'],
      'error: --method is for explaining rows, not --pdp. Leave one of them out.\n',
    ],
    [
      ['--ice'],
      'error: --ice is for partial dependence: add --pdp COLUMN, or leave it out for permutation importance.\n',
    ],
    [['--rows', '1', '--grid', '5'], 'error: --grid is for partial dependence, not --rows. Leave one of them out.\n'],
  ])('explain m.json test.csv %j: one clear line, nothing written', (args, message) => {
    expect(trained.code).toBe(0);
    const before = readdirSync(dir).sort();
    const r = cli('explain', 'm.json', 'test.csv', ...args);
    expect([r.code, r.stderr, r.stdout]).toEqual([1, message, '']);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('importance table', () => {
  it('shows a change that rounds to 0 as +0.0000, never -0.0000', async () => {
    const { importanceTable } = await import('./commands/explain-importance.ts');
    const text = importanceTable({
      metric: 'accuracy',
      baseline: { metric: 0.9, loss: 0.3 },
      rows: 10,
      rowsLeftOut: 0,
      repeats: 2,
      seed: 1,
      columns: [{ column: 'x', mean: -0.00001, std: 0.00004, loss: { mean: -0.00002, std: 0 }, shownToMatter: false }],
    });
    expect(text.split('\n')[4]).toBe('   1  x       +0.0000 ± 0.0000   +0.0000 ± 0.0000   (not shown to matter)');
  });
});
