/** `backprop-studio sweep` end to end, with trials in worker threads: the must-show on wine, and user errors. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const wine = join(root, 'resources', 'samples', 'wine.csv');
const space = join(root, 'resources', 'examples', 'wine-space.json');
const dir = mkdtempSync(join(tmpdir(), 'bps-sweep-'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'backprop-studio.mjs'), 'sweep', ...args], {
    encoding: 'utf8',
    cwd: dir,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** CSV rows without the durationMs column (timings are the only thing allowed to differ). */
function withoutDurations(csv: string): string[][] {
  const rows = csv
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const d = rows[0].indexOf('durationMs');
  return rows.map((r) => r.filter((_, i) => i !== d));
}

describe('sweep on wine (16-trial random search over learning rate, units and dropout)', () => {
  const run = (concurrency: number) => {
    const out = join(dir, `wine-${concurrency}.csv`);
    const r = cli(
      wine,
      '--target',
      'cultivar',
      '--space',
      space,
      '--trials',
      '16',
      '--concurrency',
      String(concurrency),
      '--out',
      out,
    );
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    return { ...r, csv: readFileSync(out, 'utf8') };
  };
  const one = run(1);
  const two = run(2);

  it('finds a configuration with ≥ 0.97 validation accuracy', () => {
    const rows = withoutDurations(two.csv);
    const col = rows[0].indexOf('valAccuracy');
    expect(rows).toHaveLength(17);
    expect(Math.max(...rows.slice(1).map((r) => Number(r[col])))).toBeGreaterThanOrEqual(0.97);
    expect(rows[0].slice(4, 7)).toEqual([
      'training.optimizer.learningRate',
      'layers[dense-1].units',
      'layers[*dropout].rate',
    ]);
  });

  it('gives the same trial table for the same seed with 1 and 2 worker threads', () => {
    expect(withoutDurations(two.csv)).toEqual(withoutDurations(one.csv));
    const plain = (out: string) => out.replace(/\d+\.\d s/g, 'T').replace(/wine-\d\.csv/, 'wine.csv');
    expect(plain(two.stdout)).toBe(plain(one.stdout));
  });

  it('streams progress on stderr and prints the ranked table and the best trial', () => {
    expect(two.stderr).toMatch(
      /Sweep: random, 16 trials, 2 at once \(worker threads, .+\), seed 42; objective: maximize valAccuracy/,
    );
    expect(two.stderr.match(/^trial +\d+\/16 started/gm)).toHaveLength(16);
    expect(two.stderr.match(/^trial +\d+\/16 done/gm)).toHaveLength(16);
    expect(two.stdout).toMatch(/Sweep finished: 16 of 16 trials done in [\d.]+ s \(random, seed 42\)\./);
    expect(two.stdout).toMatch(
      /^rank +trial +status +valAccuracy +valLoss +epochs +time +learningRate +dense-1\.units +\*dropout\.rate$/m,
    );
    expect(two.stdout).toMatch(/^Best: trial \d+ — valAccuracy (1\.000|0\.97\d\d) with learningRate=/m);
  });
});

describe('sweep strategies and the best model', () => {
  it('halving prunes and tpe runs; --best-model retrains the best on train+validation', () => {
    const h = cli(
      wine,
      '--target',
      'cultivar',
      '--space',
      space,
      '--strategy',
      'halving',
      '--trials',
      '9',
      '--concurrency',
      '2',
      '--epochs',
      '27',
      '--quiet',
    );
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Sweep finished: 1 of 9 trials done/);
    expect(h.stdout.match(/ pruned /g)).toHaveLength(8);
    const model = join(dir, 'best.model.json');
    const t = cli(
      wine,
      '--target',
      'cultivar',
      '--space',
      space,
      '--strategy',
      'tpe',
      '--trials',
      '8',
      '--epochs',
      '20',
      '--best-model',
      model,
      '--quiet',
    );
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/Best configuration retrained on train\+validation \(\d+ epochs\):\ntrain: accuracy/);
    const saved = JSON.parse(readFileSync(model, 'utf8')) as { format: string; metrics: Record<string, unknown> };
    expect(saved.format).toBe('backprop-studio/model');
    expect(Object.keys(saved.metrics)).toEqual(['train', 'test']);
  });
});

describe('hyperband on wine (the standard plan: 27 epochs, minEpochs 3, eta 3)', () => {
  // The example space without its trial count, so Hyperband plans its own.
  const { trials: _, ...json } = JSON.parse(readFileSync(space, 'utf8')) as Record<string, unknown>;
  const planned = join(dir, 'hyperband-space.json');
  writeFileSync(planned, JSON.stringify(json));
  const run = (concurrency: number) => {
    const out = join(dir, `hyperband-${concurrency}.csv`);
    const r = cli(
      wine,
      '--target',
      'cultivar',
      '--space',
      planned,
      '--strategy',
      'hyperband',
      '--epochs',
      '27',
      '--concurrency',
      String(concurrency),
      '--out',
      out,
    );
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    return { ...r, csv: withoutDurations(readFileSync(out, 'utf8')) };
  };
  const one = run(1);
  const two = run(2);

  it('says how many configurations it tries, in which brackets', () => {
    expect(two.stderr).toContain(
      [
        'Hyperband: 17 trials in 3 brackets (the standard plan), epochs 3 to 27, eta 3; trials × epochs at each rung:',
        '  bracket 2: 9×3 → 3×9 → 1×27  (trials 1–9, 63 epochs)',
        '  bracket 1: 5×9 → 1×27  (trials 10–14, 63 epochs)',
        '  bracket 0: 3×27  (trials 15–17, 81 epochs)',
      ].join('\n'),
    );
    expect(two.stdout).toMatch(/Sweep finished: 5 of 17 trials done in [\d.]+ s \(hyperband, seed 42\)\./);
    expect(two.stderr).toMatch(/^trial +\d+\/17 bracket 2 rung 0 +valAccuracy [\d.]+ after 3 epochs$/m);
  });

  it('splits another trial count over the brackets in the standard proportions, and refuses fewer trials than brackets', () => {
    const scaled = cli(
      wine,
      '--target',
      'cultivar',
      '--space',
      planned,
      '--strategy',
      'hyperband',
      '--epochs',
      '27',
      '--trials',
      '12',
      '--concurrency',
      '2',
    );
    expect(scaled.code).toBe(0);
    expect(scaled.stderr).toContain(
      [
        'Hyperband: 12 trials in 3 brackets (the standard 9 + 5 + 3 = 17 scaled), epochs 3 to 27, eta 3; trials × epochs at each rung:',
        '  bracket 2: 6×3 → 2×9 → 1×27  (trials 1–6, 48 epochs)',
        '  bracket 1: 4×9 → 1×27  (trials 7–10, 54 epochs)',
        '  bracket 0: 2×27  (trials 11–12, 54 epochs)',
      ].join('\n'),
    );
    expect(
      cli(
        wine,
        '--target',
        'cultivar',
        '--space',
        planned,
        '--strategy',
        'hyperband',
        '--epochs',
        '27',
        '--trials',
        '2',
      ),
    ).toMatchObject({
      code: 1,
      stderr:
        "error: trials (2) is too few for 'hyperband': from 3 to 27 epochs with eta 3 it runs 3 brackets, and each needs at least one trial (the standard plan tries 17: 9 + 5 + 3). Set trials to at least 3, leave it out, or raise halving.minEpochs for fewer brackets.\n",
    });
  });

  it('prunes within each bracket, records bracket and rung, and trains exactly the planned epochs', () => {
    const [head, ...rows] = two.csv;
    const col = (name: string) => rows.map((r) => r[head.indexOf(name)]);
    expect(rows).toHaveLength(17);
    expect(col('bracket')).toEqual([...Array(9).fill('2'), ...Array(5).fill('1'), ...Array(3).fill('0')]);
    const status = col('status');
    const epochs = col('epochs').map(Number);
    const rung = col('rung');
    const at = (from: number, to: number) =>
      rows
        .slice(from, to)
        .map((_, i) => `${status[from + i]} ${epochs[from + i]} ${rung[from + i]}`)
        .sort();
    expect(at(0, 9)).toEqual([
      'done 27 2',
      'pruned 3 0',
      'pruned 3 0',
      'pruned 3 0',
      'pruned 3 0',
      'pruned 3 0',
      'pruned 3 0',
      'pruned 9 1',
      'pruned 9 1',
    ]);
    expect(at(9, 14)).toEqual(['done 27 1', 'pruned 9 0', 'pruned 9 0', 'pruned 9 0', 'pruned 9 0']);
    expect(at(14, 17)).toEqual(['done 27 0', 'done 27 0', 'done 27 0']);
    expect(epochs.reduce((a, b) => a + b, 0)).toBe(63 + 63 + 81);
  });

  it('finds a configuration with ≥ 0.95 validation accuracy, the same for the same seed with 1 and 2 worker threads', () => {
    const [head, ...rows] = two.csv;
    const best = rows.find((r) => r[head.indexOf('rank')] === '1') ?? [];
    expect(Number(best[head.indexOf('valAccuracy')])).toBeGreaterThanOrEqual(0.95);
    expect(best[head.indexOf('epochs')]).toBe('27');
    expect(two.csv).toEqual(one.csv);
  });
});

describe('user errors are one clear line', () => {
  it('names the missing flag, a bad strategy, and every problem of a bad space file', () => {
    expect(cli(wine, '--target', 'cultivar')).toMatchObject({
      code: 1,
      stderr:
        'error: sweep needs --space SPACE.json: the parameters to search. See resources/examples/wine-space.json.\n',
    });
    expect(cli(wine, '--target', 'cultivar', '--space', space, '--strategy', 'bayes')).toMatchObject({
      code: 1,
      stderr: "error: --strategy must be one of grid, random, halving, hyperband, tpe, got 'bayes'.\n",
    });
    const bad = join(dir, 'bad-space.json');
    writeFileSync(
      bad,
      JSON.stringify({
        parameters: {
          'layers[dense-7].units': { distribution: 'int', min: 4, max: 8 },
          'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.1, max: 0.01 },
        },
      }),
    );
    expect(cli(wine, '--target', 'cultivar', '--space', bad)).toMatchObject({
      code: 1,
      stderr:
        'error: parameters["training.optimizer.learningRate"].max (0.01) must be greater than parameters["training.optimizer.learningRate"].min (0.1). Swap or widen the bounds.\n',
    });
    writeFileSync(
      bad,
      JSON.stringify({
        parameters: {
          'layers[dense-7].units': { distribution: 'int', min: 4, max: 8 },
          'layers[*dropout].rate': { distribution: 'uniform', min: 0, max: 0.5 },
        },
      }),
    );
    expect(cli(wine, '--target', 'cultivar', '--space', bad)).toMatchObject({
      code: 1,
      stderr:
        "error: - parameters[\"layers[dense-7].units\"]: the network has no layer 'dense-7'. Layer ids: 'dense-1', 'dense-2', 'output'.\n- parameters[\"layers[*dropout].rate\"]: the network has no dropout layer. Add one to the network or remove this parameter.\n",
    });
  });
});

it("names an enqueued trial's label when it starts, not only in the final table", () => {
  const json = JSON.parse(readFileSync(space, 'utf8')) as Record<string, unknown>;
  const labelled = join(dir, 'labelled-space.json');
  writeFileSync(labelled, JSON.stringify({ ...json, trials: 2, enqueue: [{ label: 'the base network', params: {} }] }));
  const r = cli(wine, '--target', 'cultivar', '--space', labelled, '--epochs', '2', '--concurrency', '1');
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/^trial 1\/2 started \(the base network\) {4}/m);
  expect(r.stderr).toMatch(/^trial 2\/2 started {4}\S/m);
});
