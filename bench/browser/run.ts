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
import { chromium, type Browser } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { generateData, writeData } from '../data.ts';
import { describeMachine } from '../machine.ts';
import { WORKLOADS, flopsPerEpoch } from '../workloads.ts';
import { GPU_FLAGS, parseFlags, plan } from './flags.ts';
import { BROWSER_CONTENDERS, fnv1a, isSoftware, type BrowserContender, type RunResult } from './protocol.ts';
import { matmulBench } from './matmul.ts';
import { buildPage, serve } from './page-server.ts';
import { writeRecord } from './record.ts';
import { browserTextTable, goalLine, summarizeBrowser, type BrowserRow } from './report.ts';
import { ask, describeInfo } from './session.ts';

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

    machine.loadAverage.end = os.loadavg()[0];
    const json = writeRecord({
      softwareRendering: software,
      machine,
      browser: {
        version: browser.version(),
        executablePath: executablePath ?? 'playwright',
        headless: !flags.headed,
        args,
      },
      info,
      flags,
      plans,
      workloads,
      rows,
      failures,
      raw,
      matmulLines,
      subsetNote,
      goal,
    });
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

await main().catch((e: unknown) => {
  console.error(`\nbrowser benchmark: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
