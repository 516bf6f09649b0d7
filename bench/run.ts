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
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSoftware } from './browser/protocol.ts';
import type { ContenderResult } from './child.ts';
import { contenders } from './contender-list.ts';
import { cpuBusy, waitForQuiet } from './cpu-load.ts';
import { generateData, writeData } from './data.ts';
import { describeMachine } from './machine.ts';
import { markdownTable, secondsPerEpoch, summarize, textTable, type SummaryRow } from './report.ts';
import { WORKLOADS, flopsPerEpoch } from './workloads.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
/** A contender that takes longer than this is stopped and reported as failed. */
const CHILD_TIMEOUT_MS = 15 * 60_000;

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
