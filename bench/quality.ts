/**
 * `npm run bench:quality`: our CLI defaults against scikit-learn on the shared datasets (issue 17). For each
 * dataset and split seed (0–4): an 80/20 split, stratified for classification (bench/quality/sklearn_quality.py,
 * scikit-learn's train_test_split when /usr/bin/python3 has it); `train TRAIN.csv --target COL --seed 1` (the CLI
 * defaults, which hold out validation and test rows inside TRAIN.csv) scored on TEST.csv with `evaluate`; and
 * scikit-learn's MLP (64, 32), HistGradientBoosting and RidgeCV on the same split. Prints the 5-split means as a
 * Markdown table and writes them to bench/results/quality-<time>.json.
 * Flags: --datasets=iris,wine (default: all five), --splits=N (default 5), --data=PATH:TARGET:TASK (more files),
 * --auto (also `train --auto`), --budget=SECONDS (default 60), --spec-for=TASK:FILE (train the datasets of that task,
 * classification or regression, with `--spec FILE` instead of the default network: how candidate defaults are
 * compared; the table's first column is then that spec).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const SHARED = process.env.BPS_DATASETS ?? join(ROOT, '..', '..', 'shared', 'datasets');
const PYTHON = '/usr/bin/python3';

interface Dataset {
  path: string;
  target: string;
  task: 'classification' | 'regression';
}
/** One contender's test scores, one per split. */
type Scores = Record<string, number[]>;

const BUILT_IN: Record<string, Omit<Dataset, 'path'>> = {
  iris: { target: 'species', task: 'classification' },
  wine: { target: 'cultivar', task: 'classification' },
  penguins: { target: 'species', task: 'classification' },
  digits: { target: 'digit', task: 'classification' },
  diabetes: { target: 'progression', task: 'regression' },
};

function flag(name: string): string | undefined {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return hit === undefined ? undefined : (hit.split('=')[1] ?? '');
}

function datasets(): Dataset[] {
  const names = (flag('datasets') ?? Object.keys(BUILT_IN).join(',')).split(',').filter(Boolean);
  const chosen = names.map((n) => {
    const known = BUILT_IN[n];
    if (!known)
      throw new Error(
        `Unknown dataset '${n}'. Use one of ${Object.keys(BUILT_IN).join(', ')}, or --data=PATH:TARGET:TASK.`,
      );
    return { path: join(SHARED, `${n}.csv`), ...known };
  });
  for (const a of process.argv.filter((x) => x.startsWith('--data='))) {
    const [path, target, task] = a.slice('--data='.length).split(':');
    if (!path || !target || (task !== 'classification' && task !== 'regression'))
      throw new Error(`--data must be PATH:TARGET:classification|regression, got '${a}'.`);
    chosen.push({ path, target, task });
  }
  return chosen;
}

/** `--spec-for=TASK:FILE` flags: the spec file to train each task with instead of the default network. */
function specsFor(): Partial<Record<Dataset['task'], string>> {
  const out: Partial<Record<Dataset['task'], string>> = {};
  for (const a of process.argv.filter((x) => x.startsWith('--spec-for='))) {
    const [task, ...file] = a.slice('--spec-for='.length).split(':');
    if ((task !== 'classification' && task !== 'regression') || !file.join(':'))
      throw new Error(`--spec-for must be classification:FILE or regression:FILE, got '${a}'.`);
    out[task] = resolve(file.join(':'));
  }
  return out;
}

/** Runs the CLI; its stdout, or an error naming the command and its stderr. */
function cli(args: string[], cwd: string): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'backprop-studio.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`backprop-studio ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

/** Test score of our CLI on one split: accuracy or R² from `evaluate`. */
function ours(d: Dataset, dir: string, extra: string[]): number {
  cli(['train', 'train.csv', '--target', d.target, '--seed', '1', '--quiet', '--out', 'model.json', ...extra], dir);
  const m = JSON.parse(cli(['evaluate', 'model.json', 'test.csv'], dir)) as { accuracy?: number; r2?: number };
  return (d.task === 'classification' ? m.accuracy : m.r2) ?? NaN;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const cell = (xs: number[] | undefined): string =>
  xs && xs.length && xs.every(Number.isFinite) ? mean(xs).toFixed(3) : '';

function main(): void {
  const splits = Number(flag('splits') ?? 5);
  const auto = flag('auto') !== undefined;
  const budget = flag('budget') ?? '60';
  const specs = specsFor();
  const rows: { name: string; metric: string; scores: Scores }[] = [];
  for (const d of datasets()) {
    const scores: Scores = { defaults: [], ...(auto ? { auto: [] } : {}), mlp: [], hgb: [], ridge: [] };
    for (let seed = 0; seed < splits; seed++) {
      const dir = mkdtempSync(join(tmpdir(), 'bps-quality-'));
      try {
        const py = spawnSync(
          PYTHON,
          [join(HERE, 'quality', 'sklearn_quality.py'), d.path, d.target, d.task, String(seed), dir],
          { encoding: 'utf8' },
        );
        if (py.status !== 0) throw new Error(`${PYTHON} sklearn_quality.py failed on ${d.path}:\n${py.stderr}`);
        const sk = JSON.parse(py.stdout) as Record<string, number | null>;
        for (const k of ['mlp', 'hgb', 'ridge']) if (sk[k] !== null && sk[k] !== undefined) scores[k]!.push(sk[k]!);
        const spec = specs[d.task];
        scores.defaults!.push(ours(d, dir, spec ? ['--spec', spec] : []));
        const began = Date.now();
        if (auto) scores.auto!.push(ours(d, dir, ['--auto', '--budget', budget]));
        const took = auto ? `  (--auto took ${((Date.now() - began) / 1000).toFixed(1)} s)` : '';
        process.stderr.write(
          `${basename(d.path)} split ${seed}: ${Object.entries(scores)
            .map(([k, v]) => `${k} ${v.at(-1)?.toFixed(3) ?? '–'}`)
            .join('  ')}${took}\n`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    rows.push({ name: basename(d.path, '.csv'), metric: d.task === 'classification' ? 'acc' : 'R²', scores });
  }
  const columns = ['defaults', ...(auto ? ['auto'] : []), 'mlp', 'hgb', 'ridge'];
  const head = {
    defaults: Object.keys(specs).length
      ? `ours (${Object.values(specs)
          .map((f) => basename(f))
          .join(', ')})`
      : 'our defaults',
    auto: `--auto --budget ${budget}`,
    mlp: 'sklearn MLP',
    hgb: 'HGB',
    ridge: 'Ridge',
  } as Record<string, string>;
  const table = [
    `| data | metric | ${columns.map((c) => head[c]).join(' | ')} |`,
    `|---|---|${columns.map(() => '---:').join('|')}|`,
    ...rows.map((r) => `| ${r.name} | ${r.metric} | ${columns.map((c) => cell(r.scores[c])).join(' | ')} |`),
  ].join('\n');
  process.stdout.write(`${table}\n\n${splits}-split means (80/20, seeds 0–${splits - 1}).\n`);
  mkdirSync(join(HERE, 'results'), { recursive: true });
  const file = join(HERE, 'results', `quality-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ splits, auto, budget: auto ? Number(budget) : null, specs, rows }, null, 2)}\n`,
  );
  process.stderr.write(`Wrote ${file}\n`);
}

main();
