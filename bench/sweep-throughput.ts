/**
 * `npm run bench:sweep`: sweep trial throughput with 1 and 2 trial workers (worker_threads, each on the
 * default `auto` backend, single-threaded WebAssembly SIMD). The same random sweep on digits.csv runs
 * alternately at concurrency 1 and 2, `--repeats` times each; throughput is trials per second of sweep
 * time (pool start-up, a one-off cost per sweep, is reported apart and also folded into a second figure).
 * The space varies the learning rate and dropout only, so trials cost the same and the figure measures
 * parallel scaling rather than luck in packing unequal trials. Also checks both give the same trial table.
 * Prints a table and writes JSON to bench/results/.
 *
 * Flags: --trials=N (default 8), --epochs=N (default 12), --repeats=N (default 3).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareDataset } from '../engine/data/index.ts';
import { loadCsv, trainingData } from '../engine/node/dataset.ts';
import { createNodeTrialPool } from '../engine/node/sweep-pool.ts';
import { parseSpec } from '../engine/spec/index.ts';
import { parseSearchSpace, prepareSweep, runSweep, type SweepResult } from '../engine/sweep/index.ts';
import { describeMachine } from './machine.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const TRIALS = arg('trials', 8);
const EPOCHS = arg('epochs', 12);
const REPEATS = arg('repeats', 3);
const REQUIRED_SPEEDUP = 1.7;

interface Run { concurrency: number; repeat: number; startupMs: number; sweepMs: number; trialsPerSecond: number; trialsPerSecondWithStartup: number }

const machine = describeMachine();
const prepared = prepareDataset(loadCsv(join(ROOT, 'resources', 'samples', 'digits.csv')), { target: 'digit', split: { validation: 0.2, test: 0 } }, 1);
const data = trainingData(prepared);
const spec = parseSpec({
  layers: [
    { id: 'dense-1', type: 'dense', units: 128 }, { id: 'dropout-1', type: 'dropout', rate: 0.1 },
    { id: 'dense-2', type: 'dense', units: 64 }, { id: 'output', type: 'dense', units: 'auto' },
  ],
  training: { epochs: EPOCHS, batchSize: 32, optimizer: { type: 'adam', learningRate: 0.001 } },
});
const space = parseSearchSpace({
  parameters: {
    'training.optimizer.learningRate': { distribution: 'logUniform', min: 3e-4, max: 1e-2 },
    'layers[*dropout].rate': { distribution: 'uniform', min: 0, max: 0.3 },
  },
});

async function sweepOnce(concurrency: number, repeat: number): Promise<{ run: Run; result: SweepResult; backend: string }> {
  const setup = prepareSweep({
    space, spec, data: { inputs: data.train.features, task: data.task }, hasValidation: true, cores: os.cpus().length,
    overrides: { strategy: 'random', trials: TRIALS, seed: 5, concurrency },
  });
  const started = performance.now();
  const pool = createNodeTrialPool({ size: concurrency, data, backend: 'auto' });
  try {
    const backend = await pool.ready;
    const ready = performance.now();
    const result = await runSweep({ setup, executor: pool });
    const end = performance.now();
    const sweepMs = end - ready;
    return {
      backend, result,
      run: {
        concurrency, repeat, startupMs: ready - started, sweepMs,
        trialsPerSecond: (TRIALS * 1000) / sweepMs, trialsPerSecondWithStartup: (TRIALS * 1000) / (end - started),
      },
    };
  } finally {
    await pool.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const table = (r: SweepResult) => JSON.stringify(r.trials.map((t) => [t.trial, t.status, t.params, t.objective, t.metrics, t.epochs]));

const runs: Run[] = [];
const tables = new Map<number, string>();
let backend = '';
process.stderr.write(`Sweep throughput: ${TRIALS} trials × ${EPOCHS} epochs on digits (${data.train.rows} train rows), ${REPEATS} repeats, ${machine.cpus} CPUs, load ${machine.loadAverage.start.toFixed(2)}\n`);
for (let repeat = 1; repeat <= REPEATS; repeat++) {
  for (const concurrency of [1, 2]) {
    const r = await sweepOnce(concurrency, repeat);
    backend = r.backend;
    runs.push(r.run);
    tables.set(concurrency, table(r.result));
    process.stderr.write(`  concurrency ${concurrency}, repeat ${repeat}: ${(r.run.sweepMs / 1000).toFixed(2)} s, ${r.run.trialsPerSecond.toFixed(3)} trials/s (start-up ${(r.run.startupMs / 1000).toFixed(2)} s)\n`);
  }
}
machine.loadAverage.end = os.loadavg()[0];

const per = (k: number, f: (r: Run) => number) => median(runs.filter((r) => r.concurrency === k).map(f));
const summary = {
  backend,
  trialsPerSecond: { 1: per(1, (r) => r.trialsPerSecond), 2: per(2, (r) => r.trialsPerSecond) },
  trialsPerSecondWithStartup: { 1: per(1, (r) => r.trialsPerSecondWithStartup), 2: per(2, (r) => r.trialsPerSecondWithStartup) },
  speedup: per(2, (r) => r.trialsPerSecond) / per(1, (r) => r.trialsPerSecond),
  speedupWithStartup: per(2, (r) => r.trialsPerSecondWithStartup) / per(1, (r) => r.trialsPerSecondWithStartup),
  sameTrialTable: tables.get(1) === tables.get(2),
  requiredSpeedup: REQUIRED_SPEEDUP,
};
const passed = summary.speedup >= REQUIRED_SPEEDUP && summary.sameTrialTable;

process.stdout.write(`\nSweep trial throughput (${backend}; medians of ${REPEATS}):\n`);
process.stdout.write(`  concurrency 1: ${summary.trialsPerSecond[1].toFixed(3)} trials/s (${summary.trialsPerSecondWithStartup[1].toFixed(3)} with worker start-up)\n`);
process.stdout.write(`  concurrency 2: ${summary.trialsPerSecond[2].toFixed(3)} trials/s (${summary.trialsPerSecondWithStartup[2].toFixed(3)} with worker start-up)\n`);
process.stdout.write(`  speedup: ${summary.speedup.toFixed(2)}× (${summary.speedupWithStartup.toFixed(2)}× with start-up); required ≥ ${REQUIRED_SPEEDUP}× — ${passed ? 'PASS' : 'FAIL'}\n`);
process.stdout.write(`  same trial table at both concurrencies: ${summary.sameTrialTable ? 'yes' : 'NO'}\n`);
process.stdout.write(`  load average ${machine.loadAverage.start.toFixed(2)} → ${machine.loadAverage.end.toFixed(2)} on ${machine.cpus} CPUs (other work skews timings)\n`);

const dir = join(HERE, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `sweep-throughput-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ benchmark: 'sweep-throughput', settings: { trials: TRIALS, epochs: EPOCHS, repeats: REPEATS, data: 'digits.csv' }, machine, summary, passed, runs }, null, 2)}\n`);
process.stdout.write(`Results written to ${file}\n`);
process.exitCode = passed ? 0 : 1;
