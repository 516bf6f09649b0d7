/**
 * Browser mode of the benchmark: trains W1 and W2 in Chromium, inside a module Web Worker (the
 * engine's home in the app), with this engine on gpu.js WebGPU / WebGL2 and on its WebAssembly SIMD kernels
 * (1 thread, and threads through Web Workers: the page is cross-origin isolated), and with TF.js on its
 * webgpu, webgl and wasm backends, all in the same browser. Data: the very bytes the Node benchmark trains
 * on (bench/data.ts), served to the page and checked by hash. Network, Adam (lr 1e-3), batch sizes and
 * initializations as in bench/contenders/. It is meant for a machine with a real GPU; without one,
 * Chromium renders WebGPU and WebGL2 with SwiftShader on the CPU and the results say so.
 *
 *   npm run bench -- --browser [flags]      (bench/run.ts hands over here)
 *   tsx bench/browser/run.ts [flags]
 *
 * Flags:
 *   --quick            3 epochs on the first 10 % of each workload's rows (W1 5,000, W2 2,000): minutes on SwiftShader
 *   --rows=N           train on each workload's first N rows (also --fraction=F); default all
 *   --epochs=N         epochs per run (default: the workload's, 5 / 4); the first is warm-up, the median of the rest is reported
 *   --only=a,b         workload ids or parts of contender ids (e.g. --only=W2,webgpu)
 *   --headed           show the browser window (some GPU drivers only give a hardware adapter to a headed browser)
 *   --chromium=PATH    browser binary (default: $CHROMIUM_PATH, /usr/bin/chromium, else Playwright's own Chromium)
 *   --gpu-flags        Linux GPU machines: --use-angle=vulkan --enable-features=Vulkan --disable-vulkan-surface --ignore-gpu-blocklist
 *   --require-gpu      stop before training when WebGPU or WebGL2 would run on a software rasterizer (SwiftShader)
 *   --flag=--x=y       one more Chromium flag (repeatable)
 *   --threads=N        threads for engine-wasm-threads and tfjs-wasm (default navigator.hardwareConcurrency)
 *   --timeout=S        seconds one run may take before it is stopped and reported as failed (default 1800)
 *   --verbose          print every browser console message (default: progress, warnings and errors)
 *   --matmul=R[,N]     then the multiply micro-benchmark (matmul.ts): R interleaved rounds of N launches (default 3,3)
 *   --matmul-only      the micro-benchmark alone, no training
 *
 * Writes bench/results/browser-<time>.json and .md (git-ignored).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateData, writeData } from '../data.ts';
import { describeMachine } from '../machine.ts';
import { WORKLOADS, flopsPerEpoch, type Workload } from '../workloads.ts';
import {
  BROWSER_CONTENDERS,
  PROGRESS_PREFIX,
  fnv1a,
  isSoftware,
  type BrowserBenchPage,
  type BrowserContender,
  type BrowserInfo,
  type RunResult,
  type WorkerAnswer,
  type WorkerRequest,
} from './protocol.ts';
import { matmulBench } from './matmul.ts';
import { buildPage, serve } from './page-server.ts';
import { browserMarkdownTable, browserTextTable, summarizeBrowser, type BrowserRow } from './report.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Flags for a real GPU on Linux (Chrome's headless GPU testing guidance: ANGLE and WebGPU on Vulkan). */
const GPU_FLAGS = [
  '--use-angle=vulkan',
  '--enable-features=Vulkan',
  '--disable-vulkan-surface',
  '--ignore-gpu-blocklist',
];
/** --quick: this share of each workload's rows, this many epochs. */
const QUICK_FRACTION = 0.1;
const QUICK_EPOCHS = 3;

interface Flags {
  quick: boolean;
  only: string[];
  epochs: number | null;
  rows: number | null;
  fraction: number | null;
  headed: boolean;
  chromium: string | null;
  gpuFlags: boolean;
  extraFlags: string[];
  threads: number | null;
  timeoutS: number;
  verbose: boolean;
  requireGpu: boolean;
  /** Micro-benchmark rounds and launches per timing; null: not asked for. */
  matmul: [rounds: number, reps: number] | null;
  matmulOnly: boolean;
}

function parseFlags(argv: readonly string[]): Flags {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string) => {
    const v = get(name);
    if (v === undefined) return null;
    const n = Number(v);
    if (!(n > 0)) throw new Error(`--${name}=${v}: expected a positive number`);
    return n;
  };
  const known = ['--browser', '--quick', '--headed', '--gpu-flags', '--verbose', '--require-gpu', '--matmul-only'];
  const valued = ['only', 'epochs', 'rows', 'fraction', 'chromium', 'flag', 'threads', 'timeout', 'matmul'];
  for (const a of argv) {
    if (!known.includes(a) && !valued.some((v) => a.startsWith(`--${v}=`)))
      throw new Error(`unknown flag ${a} (see the top of bench/browser/run.ts)`);
  }
  return {
    quick: argv.includes('--quick'),
    only: get('only')?.split(',').filter(Boolean) ?? [],
    epochs: num('epochs'),
    rows: num('rows'),
    fraction: num('fraction'),
    headed: argv.includes('--headed'),
    chromium: get('chromium') ?? process.env.CHROMIUM_PATH ?? null,
    gpuFlags: argv.includes('--gpu-flags'),
    extraFlags: argv.filter((a) => a.startsWith('--flag=')).map((a) => a.slice('--flag='.length)),
    threads: num('threads'),
    timeoutS: num('timeout') ?? 1800,
    verbose: argv.includes('--verbose'),
    requireGpu: argv.includes('--require-gpu'),
    matmul: matmulFlag(get('matmul') ?? (argv.includes('--matmul-only') ? '3,3' : undefined)),
    matmulOnly: argv.includes('--matmul-only'),
  };
}

function matmulFlag(v: string | undefined): [number, number] | null {
  if (v === undefined) return null;
  const [rounds, reps = 3] = v.split(',').map(Number);
  if (!Number.isInteger(rounds) || !Number.isInteger(reps) || rounds < 1 || reps < 1) {
    throw new Error(`--matmul=${v}: expected rounds[,launches], two whole numbers from 1 (e.g. --matmul=3,3)`);
  }
  return [rounds, reps];
}

/** Rows and epochs of one workload under the flags. */
function plan(w: Workload, f: Flags): { rows: number; epochs: number } {
  const fraction = f.fraction ?? (f.quick ? QUICK_FRACTION : null);
  const rows = Math.min(w.rows, Math.floor(f.rows ?? (fraction ? w.rows * Math.min(1, fraction) : w.rows)));
  return { rows: Math.max(w.batchSize, rows), epochs: f.epochs ?? (f.quick ? QUICK_EPOCHS : w.epochs) };
}

/** Ask a fresh page (and so a fresh worker) one question; rejects after `timeoutS`. */
async function ask(
  browser: Browser,
  url: string,
  request: WorkerRequest,
  timeoutS: number,
  verbose: boolean,
  log: (line: string) => void,
): Promise<WorkerAnswer> {
  const page: Page = await browser.newPage();
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith(PROGRESS_PREFIX)) log(`    ${text.slice(PROGRESS_PREFIX.length)}`);
    else if (verbose || m.type() === 'error' || m.type() === 'warning')
      log(`    [browser ${m.type()}] ${verbose ? text : text.split('\n')[0]}`);
  });
  page.on('pageerror', (e) => log(`    [page error] ${e.message}`));
  let timer: NodeJS.Timeout | undefined;
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'browserBench' in globalThis);
    const answer = page.evaluate(
      (r) => (globalThis as unknown as { browserBench: BrowserBenchPage }).browserBench.ask(r),
      request,
    );
    const timeout = new Promise<WorkerAnswer>((r) => {
      timer = setTimeout(() => r({ ok: false, error: `stopped after ${timeoutS} s` }), timeoutS * 1000);
    });
    return await Promise.race([answer, timeout]);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}

function describeInfo(info: BrowserInfo): string[] {
  const sw = (name: string) => (isSoftware(name) ? '  <- SOFTWARE renderer (CPU): not a GPU' : '');
  const g = info.webgpu;
  const gpuName = [g.description, g.vendor, g.architecture, g.device].filter(Boolean).join(' / ');
  return [
    `cross-origin isolated: ${info.crossOriginIsolated ? 'yes' : 'NO (no wasm threads)'}; ${info.hardwareConcurrency} logical CPUs; wasm SIMD ${info.wasmSimd ? 'yes' : 'no'}`,
    `WebGPU adapter: ${g.available ? `${gpuName}${g.fallback ? ' (fallback adapter)' : ''}${sw(gpuName)}` : `unavailable (${g.reason})`}`,
    `WebGL2 renderer: ${info.webgl2.available ? `${info.webgl2.renderer} (${info.webgl2.vendor})${sw(info.webgl2.renderer)}` : `unavailable (${info.webgl2.reason})`}`,
  ];
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const machine = describeMachine();
  const workloadFilter = flags.only.filter((o) => WORKLOADS.some((w) => w.id === o));
  const contenderFilter = flags.only.filter((o) => !workloadFilter.includes(o));
  const workloads = flags.matmulOnly
    ? []
    : WORKLOADS.filter((w) => !workloadFilter.length || workloadFilter.includes(w.id));
  const contenders = BROWSER_CONTENDERS.filter(
    (c) => !contenderFilter.length || contenderFilter.some((o) => c.includes(o)),
  );
  const executablePath =
    flags.chromium ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // a hidden or background page must not be throttled while it trains
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    '--enable-unsafe-webgpu',
    ...(flags.gpuFlags ? GPU_FLAGS : []),
    ...flags.extraFlags,
  ];

  const dir = mkdtempSync(join(os.tmpdir(), 'backprop-browser-bench-'));
  let server: Server | null = null;
  let browser: Browser | null = null;
  const rows: BrowserRow[] = [];
  const raw: (RunResult & { round: number })[] = [];
  const failures: { workload: string; contender: string; error: string }[] = [];
  const plans: Record<string, { rows: number; epochs: number }> = {};
  try {
    process.stdout.write('building the page with Vite... ');
    await buildPage(dir);
    mkdirSync(join(dir, 'data'));
    const hashes = new Map<string, number>();
    for (const w of workloads) {
      const file = join(dir, 'data', `${w.id}.f32`);
      writeData(file, generateData(w));
      hashes.set(w.id, fnv1a(readFileSync(file)));
    }
    const served = await serve(dir);
    server = served.server;
    console.log('done');

    browser = await chromium.launch({ executablePath, headless: !flags.headed, args });
    console.log(
      `Backprop Studio browser benchmark — Chromium ${browser.version()} (${flags.headed ? 'headed' : 'headless'}${executablePath ? `, ${executablePath}` : ''})`,
    );
    console.log(
      `Node side: ${machine.lscpu.find((l) => l.startsWith('Model name')) ?? os.cpus()[0]?.model}, ${machine.cpus} CPUs`,
    );
    console.log(`Chromium flags: ${args.join(' ')}`);
    const infoAnswer = await ask(browser, served.url, { type: 'info' }, 120, flags.verbose, console.log);
    if (!infoAnswer.ok || !('info' in infoAnswer))
      throw new Error(`could not read the browser's GPU info: ${infoAnswer.ok ? 'no info' : infoAnswer.error}`);
    const info = infoAnswer.info;
    for (const l of describeInfo(info)) console.log(l);
    const software =
      isSoftware(info.webgpu.description || info.webgpu.architecture) || isSoftware(info.webgl2.renderer);
    if (software && flags.requireGpu) {
      throw new Error(
        '--require-gpu: WebGPU or WebGL2 runs on a software rasterizer here (see above). Try --gpu-flags, --headed, or another --chromium.',
      );
    }
    if (software) {
      console.log(
        '\n*** WebGPU / WebGL2 run on a software rasterizer here (SwiftShader on the CPU). These numbers are NOT GPU results. ***',
      );
      console.log(
        '*** Run on a machine with a GPU (see bench/RESULTS.md, "Browser mode"): --gpu-flags, or --headed. ***',
      );
    }

    for (const w of workloads) {
      const p = plan(w, flags);
      plans[w.id] = p;
      const subset =
        p.rows < w.rows
          ? ` — ROW SUBSET: the first ${p.rows.toLocaleString('en-US')} of ${w.rows.toLocaleString('en-US')} rows`
          : '';
      console.log(
        `\n${w.id} ${w.title}; ${p.epochs} epochs${subset}; ${(flopsPerEpoch({ ...w, rows: p.rows }) / 1e9).toFixed(2)} GFLOP of matrix multiplies per epoch`,
      );
      const results: RunResult[] = [];
      for (const c of contenders) {
        const started = Date.now();
        const answer = await ask(
          browser,
          served.url,
          {
            type: 'run',
            run: {
              contender: c as BrowserContender,
              workload: w,
              rows: p.rows,
              epochs: p.epochs,
              dataUrl: `/data/${w.id}.f32`,
              dataHash: hashes.get(w.id)!,
              threads: flags.threads,
            },
          },
          flags.timeoutS,
          flags.verbose,
          console.log,
        );
        if (!answer.ok || !('result' in answer)) {
          const error = answer.ok ? 'no result' : answer.error;
          failures.push({ workload: w.id, contender: c, error });
          console.log(`  ${c}: failed (${error})`);
          continue;
        }
        const r = answer.result;
        results.push(r);
        raw.push({ ...r, round: 1 });
        console.log(
          `  ${c} (${r.label}): ${r.epochSeconds.map((s) => s.toFixed(3)).join(' ')} s/epoch, accuracy ${r.finalAccuracy.toFixed(3)}, ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
        );
      }
      rows.push(...summarizeBrowser(w, results));
    }

    if (rows.length) console.log(`\n${browserTextTable(rows)}`);
    for (const r of rows) for (const n of r.notes) console.log(`  ${r.workload} ${r.contender}: ${n}`);
    for (const f of failures) console.log(`  ${f.workload} ${f.contender}: FAILED — ${f.error}`);
    const subsetNote = workloads
      .filter((w) => plans[w.id].rows < w.rows)
      .map((w) => `${w.id} on its first ${plans[w.id].rows} of ${w.rows} rows`);
    if (subsetNote.length)
      console.log(
        `\nRow subset (--quick / --rows): ${subsetNote.join(', ')}; accuracy after ${workloads.map((w) => plans[w.id].epochs).join('/')} epochs is not comparable with full runs.`,
      );
    const goal = goalLine(rows, workloads, plans);
    if (goal) console.log(goal);
    const matmulLines = flags.matmul
      ? await matmulBench(
          (r) => ask(browser!, served.url, r, flags.timeoutS, flags.verbose, console.log),
          contenderFilter,
          flags.matmul[0],
          flags.matmul[1],
          console.log,
        )
      : [];
    if (matmulLines.length) console.log(`\n${matmulLines.join('\n')}`);
    if (rows.some((r) => r.device === 'software'))
      console.log('Software rendering (SwiftShader): the WebGPU/WebGL rows measure a CPU emulating a GPU, not a GPU.');

    const resultsDir = join(HERE, '..', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const json = join(resultsDir, `browser-${stamp}.json`);
    const browserDesc = {
      version: browser.version(),
      executablePath: executablePath ?? 'playwright',
      headless: !flags.headed,
      args,
    };
    machine.loadAverage.end = os.loadavg()[0];
    const record = {
      mode: 'browser',
      softwareRendering: software,
      machine,
      browser: browserDesc,
      info,
      flags,
      plans,
      workloads,
      rows,
      failures,
      raw,
      matmulLines,
    };
    writeFileSync(json, JSON.stringify(record, null, 2));
    const cli = process.argv.slice(2).join(' ');
    const md = [
      `Measured ${new Date().toISOString()} with \`tsx bench/browser/run.ts${cli ? ` ${cli}` : ''}\` in Chromium ${browserDesc.version} (${flags.headed ? 'headed' : 'headless'}).`,
      '',
      ...(software
        ? ['**Software rendering (SwiftShader on the CPU): the WebGPU/WebGL rows are not GPU results.**', '']
        : []),
      '```',
      ...describeInfo(info),
      ...machine.lscpu,
      `Node ${machine.node}, ${machine.platform}, ${machine.memoryGiB} GiB`,
      `load average (1 min) at start ${machine.loadAverage.start.toFixed(2)}, at end ${machine.loadAverage.end.toFixed(2)}`,
      '```',
      '',
      browserMarkdownTable(rows),
      '',
      ...rows.flatMap((r) => r.notes.map((n) => `- ${r.workload} ${r.contender}: ${n}`)),
      ...failures.map((f) => `- ${f.workload} ${f.contender}: failed — ${f.error}`),
      ...(subsetNote.length ? [`- Row subset: ${subsetNote.join(', ')}.`] : []),
      ...(goal ? [`- ${goal}`] : []),
      '',
      ...matmulLines,
    ].join('\n');
    writeFileSync(json.replace(/\.json$/, '.md'), md);
    console.log(
      `load average (1 min) at start ${machine.loadAverage.start.toFixed(2)}, at end ${machine.loadAverage.end.toFixed(2)} (other work on the machine skews timings)`,
    );
    console.log(`\nwrote ${json} (and .md)`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await new Promise<void>((r) => server!.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The issue's browser goal: on W2, the engine on WebGPU beats TF.js on WebGPU (counts only on a real GPU, all rows). */
function goalLine(
  rows: readonly BrowserRow[],
  workloads: readonly Workload[],
  plans: Record<string, { rows: number }>,
): string | null {
  const w2 = workloads.find((w) => w.id === 'W2');
  const ours = rows.find((r) => r.workload === 'W2' && r.contender === 'engine-gpujs-webgpu');
  if (!w2 || !ours || ours.speedupVsTfjsWebgpu === null) return null;
  const verdict = ours.speedupVsTfjsWebgpu > 1 ? 'faster than' : 'slower than';
  const counts =
    ours.device === 'GPU' && plans.W2.rows === w2.rows
      ? `goal "WebGPU W2 beats TF.js's WebGPU backend": ${ours.speedupVsTfjsWebgpu > 1 ? 'MET' : 'NOT MET'}`
      : `does not count toward the goal (${ours.device !== 'GPU' ? 'software rendering, not a GPU' : 'row subset'})`;
  return `W2: engine-gpujs-webgpu is ${ours.speedupVsTfjsWebgpu.toFixed(2)}× TF.js-webgpu's speed (${verdict}); ${counts}.`;
}

await main().catch((e: unknown) => {
  console.error(`\nbrowser benchmark: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
