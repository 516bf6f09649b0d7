/**
 * UI responsiveness benchmark: drives the built web app in headless Chromium through the flows the
 * end-to-end suite checks for function (scrolling a 100,000-row preview, training with live charts, a
 * sweep) and prints, per flow, the main thread's longest task and the 99th percentile of its task
 * durations, read from a Chromium trace. Timings live here and not in `npm test`: on a busy machine they
 * measure the machine.
 *
 *   npm run bench:ui [-- --only=scroll,train,sweep] [-- --no-build] [-- --chromium=PATH]
 *
 * Builds the web app first (vite, into dist/renderer) unless --no-build. Writes bench/results/ui-<time>.json
 * (git-ignored).
 */
import { chromium, type Browser } from '@playwright/test';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveStatic } from '../scripts/serve-static.mjs';
import { describeMachine } from './machine.ts';
import { UI_FLOWS } from './ui-flows.ts';
import { LONG_TASK_MS, TASK_CATEGORIES, mainThreadTasks, taskStats, type TaskStats } from './ui-tasks.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The flags the end-to-end suite runs Chromium with. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface FlowResult extends TaskStats {
  id: string;
  title: string;
}

function flag(name: string): string | undefined {
  return process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
}

function fixed(ms: number): string {
  return ms.toFixed(1);
}

async function runFlow(browser: Browser, url: string, flow: (typeof UI_FLOWS)[number]): Promise<FlowResult> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.getByText('Engine ready').waitFor({ timeout: 60_000 });
    await flow.prepare(page, ROOT);
    await browser.startTracing(page, { categories: TASK_CATEGORIES });
    let trace: Buffer;
    try {
      await flow.measure(page);
    } finally {
      trace = await browser.stopTracing();
    }
    if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
    const { durationsMs, spanS } = mainThreadTasks(trace.toString('utf8'), url);
    return { id: flow.id, title: flow.title, ...taskStats(durationsMs, spanS) };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const only = (flag('only') ?? '').split(',').filter(Boolean);
  const unknown = only.filter((o) => !UI_FLOWS.some((f) => f.id === o));
  if (unknown.length)
    throw new Error(`unknown flow ${unknown.join(', ')}: choose from ${UI_FLOWS.map((f) => f.id).join(', ')}`);
  const flows = UI_FLOWS.filter((f) => !only.length || only.includes(f.id));
  const executablePath =
    flag('chromium') ??
    process.env['CHROMIUM_PATH'] ??
    ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const machine = describeMachine();

  if (!process.argv.includes('--no-build')) {
    process.stdout.write('building the web app (vite)... ');
    await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'warn' });
    console.log('done');
  }
  if (!existsSync(join(ROOT, 'dist/renderer/index.html')))
    throw new Error('dist/renderer is missing: run without --no-build');

  const server = await serveStatic({ root: join(ROOT, 'dist/renderer'), port: 0 });
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const results: FlowResult[] = [];
  try {
    console.log(
      `Chromium ${browser.version()} headless${executablePath ? ` (${executablePath})` : ''}; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(2)}`,
    );
    for (const flow of flows) {
      process.stdout.write(`${flow.id}: ${flow.title}... `);
      const r = await runFlow(browser, server.url, flow);
      results.push(r);
      console.log(`${r.tasks} tasks in ${r.spanS.toFixed(1)} s`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  machine.loadAverage.end = os.loadavg()[0] ?? null;

  console.log(`\nMain-thread tasks of the page (trace RunTask on CrRendererMain; long = over ${LONG_TASK_MS} ms)`);
  console.log('flow     tasks   p99 ms  longest ms  long tasks');
  for (const r of results) {
    console.log(
      `${r.id.padEnd(7)} ${String(r.tasks).padStart(6)} ${fixed(r.p99Ms).padStart(8)} ${fixed(r.longestMs).padStart(11)} ${String(r.longTasks).padStart(11)}`,
    );
  }
  console.log(
    `load average (1 min) at start ${machine.loadAverage.start.toFixed(2)}, at end ${machine.loadAverage.end?.toFixed(2)}`,
  );

  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `ui-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ machine, results }, null, 2)}\n`);
  console.log(`wrote ${file}`);
}

main().catch((e: unknown) => {
  console.error(`bench:ui failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
