/**
 * `npm run bench`: trains W1 and W2 (bench/workloads.ts) with every contender, one process each, on the
 * same data file, and prints seconds per epoch, GFLOP/s, final train accuracy, ratios to TF.js-wasm and
 * PyTorch, and peak RSS. Writes JSON (and a Markdown table) to bench/results/.
 *
 * Flags: --quick (fewer epochs), --only=a,b (workload ids or parts of contender ids, e.g. --only=W1,wasm,torch),
 * --epochs=N (override both workloads), --rounds=N (run every contender N times, interleaved, and keep each
 * one's fastest round: on a machine shared with other work this filters out the rounds that were slowed down),
 * --quiet=S (before each contender, wait up to S seconds for the CPUs to be at most 15 % busy with other work),
 * --software-gpu (time the WebGPU contenders even on a software adapter such as lavapipe).
 * WebGPU contenders (engine gpu.js webgpu, TF.js webgpu) run in Node through Dawn when it is installed
 * (bench/node-webgpu.ts); BENCH_BUNDLE_DIR and BENCH_RESULTS_DIR serve the device kit (bench/device/).
 * --browser hands over to the browser mode (bench/browser/run.ts: the engine's WebGPU/WebGL2/wasm and TF.js's
 * webgpu/webgl/wasm in one Chromium), which takes its own flags.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSoftware } from './browser/protocol.ts';
import type { ContenderResult } from './child.ts';
import { generateData, writeData } from './data.ts';
import { describeMachine } from './machine.ts';
import { markdownTable, secondsPerEpoch, summarize, textTable, type SummaryRow } from './report.ts';
import { WORKLOADS, flopsPerEpoch, type Workload } from './workloads.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const SYSTEM_PYTHON = '/usr/bin/python3';
/** A contender that takes longer than this is stopped and reported as failed. */
const CHILD_TIMEOUT_MS = 15 * 60_000;

/** A way to run one contender: a command per workload. */
interface Contender {
  id: string;
  /** Null when it can run here; otherwise why not (printed, and the contender skipped). */
  unavailable: string | null;
  /** Slow contenders run at most this many epochs (one warm-up, the rest timed) to keep the whole run to minutes. */
  maxEpochs?: number;
  commands(
    w: Workload,
    dataPath: string,
    epochs: number,
  ): { cmd: string; args: string[]; env?: Record<string, string> }[];
}

/**
 * A TypeScript script run by Node: through tsx from the source tree, or (BENCH_BUNDLE_DIR set: the device kit,
 * bench/device/) the prebuilt bundle `<name>.mjs` from that folder, where no node_modules exist.
 */
function tsScript(file: string): string[] {
  const bundles = process.env.BENCH_BUNDLE_DIR;
  if (bundles) return [join(bundles, `${basename(file, '.ts')}.mjs`)];
  return ['--import', 'tsx', join(HERE, file)];
}

const tsChild = (file: string, variant: string) => (w: Workload, dataPath: string, epochs: number) => [
  {
    cmd: process.execPath,
    args: [...tsScript(join('contenders', file)), w.id, dataPath, String(epochs), variant],
  },
];

/**
 * Why WebGPU through Dawn for Node cannot be timed here, or null (bench/node-webgpu.ts). A software adapter
 * (lavapipe) runs only with --software-gpu: its timings say nothing about GPUs.
 */
function nodeWebGpuUnavailable(softwareOk: boolean): string | null {
  const r = spawnSync(process.execPath, tsScript('node-webgpu-probe.ts'), { encoding: 'utf8', timeout: 60_000 });
  const line = (r.stdout || '').trim().split('\n').pop() ?? '';
  let probe: { adapter?: string; software?: boolean; error?: string };
  try {
    probe = JSON.parse(line) as typeof probe;
  } catch {
    return `the WebGPU probe failed (${(r.stderr || line || `exit ${r.status}`).trim().split('\n').pop()})`;
  }
  if (probe.error) return probe.error;
  if (probe.software && !softwareOk)
    return `the only WebGPU adapter is a software rasterizer (${probe.adapter}); pass --software-gpu to time it anyway`;
  return null;
}

function torchUnavailable(): string | null {
  if (!existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} not found`;
  const r = spawnSync(SYSTEM_PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
  return r.status === 0
    ? null
    : `\`${SYSTEM_PYTHON} -c 'import torch'\` failed (${(r.stderr || '').trim().split('\n').pop()}); install python3-torch`;
}

function contenders(flags: { only: string[]; softwareGpu: boolean }): Contender[] {
  const gpujs =
    process.env.BENCH_BUNDLE_DIR || existsSync(join(ROOT, 'engine', 'backend', 'gpujs', 'index.ts'))
      ? null
      : 'engine/backend/gpujs/index.ts does not exist yet';
  // Probing starts Dawn (a second or two): only when a WebGPU contender is asked for, or none is named.
  const named = flags.only.filter((o) => !WORKLOADS.some((w) => w.id === o));
  const wantsWebGpu =
    !named.length || named.some((o) => ['engine-gpujs-webgpu', 'tfjs-webgpu'].some((id) => id.includes(o)));
  const webgpu = wantsWebGpu ? nodeWebGpuUnavailable(flags.softwareGpu) : 'not asked for';
  const torchWhy = torchUnavailable();
  return [
    { id: 'engine-wasm', unavailable: null, commands: tsChild('engine.ts', 'wasm') },
    { id: 'engine-wasm-threads', unavailable: null, commands: tsChild('engine.ts', 'wasm-threads') },
    { id: 'engine-cpu', unavailable: null, maxEpochs: 2, commands: tsChild('engine.ts', 'cpu') },
    { id: 'engine-gpujs-webasm', unavailable: gpujs, maxEpochs: 2, commands: tsChild('engine.ts', 'gpujs-webasm') },
    // gpu.js 'cpu' mode compiles kernels with new Function: tests and the CLI only, never the app (CSP).
    { id: 'engine-gpujs-cpu', unavailable: gpujs, maxEpochs: 2, commands: tsChild('engine.ts', 'gpujs-cpu') },
    // WebGPU in Node through Dawn (the browser mode compares the same backends inside Chromium)
    { id: 'engine-gpujs-webgpu', unavailable: webgpu, commands: tsChild('engine.ts', 'gpujs-webgpu') },
    { id: 'tfjs-webgpu', unavailable: webgpu, commands: tsChild('tfjs.ts', 'webgpu') },
    { id: 'tfjs-wasm', unavailable: null, maxEpochs: 3, commands: tsChild('tfjs.ts', 'wasm') },
    { id: 'tfjs-cpu', unavailable: null, maxEpochs: 2, commands: tsChild('tfjs.ts', 'cpu') },
    {
      id: 'torch',
      unavailable: torchWhy,
      // PyTorch at its best: 1 and 2 intra-op threads, each with 1 and 2 BLAS threads (measured here: 1 + 1 is
      // best for W1, 1 + 2 for W2, and 2 + 2 oversubscribes 2 cores); the fastest is reported.
      commands: (w, dataPath, epochs) =>
        [
          [1, 1],
          [1, 2],
          [2, 1],
          [2, 2],
        ].map(([threads, blas]) => ({
          cmd: SYSTEM_PYTHON,
          args: [
            join(HERE, 'contenders', 'torch_bench.py'),
            String(w.rows),
            String(w.features),
            String(w.classes),
            w.hidden.join(','),
            String(w.batchSize),
            String(w.learningRate),
            String(epochs),
            String(w.seed),
            dataPath,
            String(threads),
            String(blas),
          ],
          env: { OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(blas), MKL_NUM_THREADS: String(blas) },
        })),
    },
  ];
}

/** Run one command; resolves to its parsed RESULT line, or an Error saying why there is none. */
function runChild(
  cmd: string,
  args: string[],
  env: Record<string, string> | undefined,
): Promise<ContenderResult | Error> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)) as ContenderResult);
      else resolve(new Error(`exit ${code ?? signal}: ${(err || out).trim().split('\n').slice(-4).join(' | ')}`));
    });
  });
}

function parseFlags(argv: readonly string[]) {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const only = get('only')?.split(',').filter(Boolean) ?? [];
  const epochs = get('epochs');
  const rounds = Math.max(1, Number(get('rounds') ?? 1) || 1);
  const quiet = Math.max(0, Number(get('quiet') ?? 0) || 0);
  return {
    quick: argv.includes('--quick'),
    only,
    epochs: epochs ? Number(epochs) : null,
    rounds,
    quiet,
    softwareGpu: argv.includes('--software-gpu'),
  };
}

/** Busy fraction of all CPUs over the next `ms` (from /proc/stat); null where there is no /proc/stat. */
async function cpuBusy(ms: number): Promise<number | null> {
  const sample = () => {
    if (!existsSync('/proc/stat')) return null;
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: f.reduce((a, b) => a + b, 0), idle: f[3] + (f[4] ?? 0) };
  };
  const a = sample();
  await new Promise((r) => setTimeout(r, ms));
  const b = sample();
  return a && b && b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
}

/** Wait up to `seconds` until the CPUs are at most 15 % busy (other work on the machine skews timings). */
async function waitForQuiet(seconds: number): Promise<number | null> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const busy = await cpuBusy(1000);
    if (busy === null || busy <= 0.15 || Date.now() > until) return busy;
  }
}

/**
 * Per workload where both ran: the engine on gpu.js WebGPU against TF.js's WebGPU backend in the same Node,
 * through the same Dawn adapter (the GPU goal is W2; it counts only on a hardware adapter).
 */
function webGpuLines(rows: readonly SummaryRow[], software: boolean): string[] {
  const out: string[] = [];
  for (const w of new Set(rows.map((r) => r.workload))) {
    const ours = rows.find((r) => r.workload === w && r.contender === 'engine-gpujs-webgpu');
    const theirs = rows.find((r) => r.workload === w && r.contender === 'tfjs-webgpu');
    if (!ours || !theirs) continue;
    const x = theirs.secondsPerEpoch / ours.secondsPerEpoch;
    const counts = software
      ? 'software adapter: not a GPU result'
      : w === 'W2'
        ? `goal "WebGPU W2 beats TF.js's WebGPU backend": ${x > 1 ? 'MET' : 'NOT MET'}`
        : 'on the GPU';
    out.push(
      `${w}: engine gpu.js WebGPU runs at ${x.toFixed(2)}× TF.js-webgpu's speed (${ours.secondsPerEpoch.toFixed(3)} vs ${theirs.secondsPerEpoch.toFixed(3)} s/epoch; ${counts}).`,
    );
  }
  return out;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const machine = describeMachine();
  const workloadFilter = flags.only.filter((o) => WORKLOADS.some((w) => w.id === o));
  const contenderFilter = flags.only.filter((o) => !workloadFilter.includes(o));
  const workloads = WORKLOADS.filter((w) => !workloadFilter.length || workloadFilter.includes(w.id));
  const list = contenders(flags).filter(
    (c) => !contenderFilter.length || contenderFilter.some((o) => c.id.includes(o)),
  );
  console.log(
    `Backprop Studio benchmark — ${machine.lscpu.find((l) => l.startsWith('Model name')) ?? os.cpus()[0]?.model}, ${machine.cpus} CPUs, Node ${machine.node}`,
  );
  for (const c of list) if (c.unavailable) console.log(`skipping ${c.id}: ${c.unavailable}`);

  const dir = mkdtempSync(join(os.tmpdir(), 'backprop-bench-'));
  const rows: SummaryRow[] = [];
  const raw: Record<string, unknown>[] = [];
  try {
    for (const w of workloads) {
      const epochs = flags.epochs ?? (flags.quick ? w.quickEpochs : w.epochs);
      const dataPath = join(dir, `${w.id}.f32`);
      writeData(dataPath, generateData(w));
      console.log(
        `\n${w.id} ${w.title}; ${epochs} epochs (slow contenders fewer), ${(flopsPerEpoch(w) / 1e9).toFixed(2)} GFLOP of matrix multiplies per epoch`,
      );
      const runnable = list.filter((x) => !x.unavailable);
      const runs = new Map<string, ContenderResult[]>(runnable.map((c) => [c.id, []]));
      for (let round = 1; round <= flags.rounds; round++) {
        if (flags.rounds > 1) console.log(` round ${round} of ${flags.rounds}`);
        for (const c of runnable) {
          for (const { cmd, args, env } of c.commands(w, dataPath, Math.min(epochs, c.maxEpochs ?? epochs))) {
            const busy = flags.quiet ? await waitForQuiet(flags.quiet) : await cpuBusy(300);
            const r = await runChild(cmd, args, env);
            if (r instanceof Error) console.log(`  ${c.id}: failed (${r.message})`);
            else {
              r.workload = w.id;
              runs.get(c.id)!.push(r);
              raw.push({ ...r, round, cpuBusyBefore: busy });
              const other = busy === null ? '' : `, CPUs ${Math.round(busy * 100)} % busy before`;
              console.log(
                `  ${c.id} (${r.label}): ${r.epochSeconds.map((s) => s.toFixed(3)).join(' ')} s/epoch, accuracy ${r.finalAccuracy.toFixed(3)}${other}`,
              );
            }
          }
        }
      }
      const results: ContenderResult[] = [];
      for (const c of runnable) {
        const all = runs.get(c.id)!.sort((a, b) => secondsPerEpoch(a) - secondsPerEpoch(b));
        const best = all[0];
        if (!best) continue;
        if (all.length > 1)
          best.notes = [
            ...best.notes,
            `fastest of: ${all.map((r) => `${r.label} ${secondsPerEpoch(r).toFixed(3)} s`).join(', ')}`,
          ];
        results.push(best);
      }
      rows.push(...summarize(w, results));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  machine.loadAverage.end = os.loadavg()[0];
  console.log(`\n${textTable(rows)}`);
  for (const r of rows) for (const n of r.notes) console.log(`  ${r.workload} ${r.contender}: ${n}`);
  const gpuLines = webGpuLines(
    rows,
    rows.some(
      (r) =>
        r.contender.endsWith('webgpu') &&
        (isSoftware(r.label) || r.notes.some((n) => n.startsWith('adapter:') && isSoftware(n))),
    ),
  );
  if (gpuLines.length) console.log(`\n${gpuLines.join('\n')}`);

  const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(HERE, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = join(resultsDir, `bench-${stamp}.json`);
  writeFileSync(json, JSON.stringify({ machine, flags, workloads, rows, raw }, null, 2));
  const args = process.argv.slice(2).join(' ');
  const md = [
    `Measured ${new Date().toISOString()} with \`npm run bench${args ? ` -- ${args}` : ''}\`.`,
    '',
    'Machine (`lscpu`, selected lines):',
    '```',
    ...machine.lscpu,
    `Node ${machine.node}, ${machine.platform}, ${machine.memoryGiB} GiB`,
    `load average (1 min) at start ${machine.loadAverage.start.toFixed(2)}, at end ${machine.loadAverage.end.toFixed(2)}`,
    '```',
    '',
    markdownTable(rows),
    '',
    ...rows.flatMap((r) => r.notes.map((n) => `- ${r.workload} ${r.contender}: ${n}`)),
    '',
    ...gpuLines,
    '',
  ].join('\n');
  writeFileSync(json.replace(/\.json$/, '.md'), md);
  console.log(`\nwrote ${json} (and .md)`);
}

// The browser mode runs on import and reads the same command line.
// (a computed specifier, so the device kit's bundle of this file leaves the browser mode and Playwright out)
if (process.argv.includes('--browser')) await import(new URL('./browser/run.ts', import.meta.url).href);
else await main();
