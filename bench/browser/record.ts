/** Writes one browser benchmark run to bench/results/browser-<time>.json and a Markdown summary beside it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { describeMachine } from '../machine.ts';
import type { Workload } from '../workloads.ts';
import type { Flags } from './flags.ts';
import type { BrowserInfo, RunResult } from './protocol.ts';
import { browserMarkdownTable, type BrowserRow } from './report.ts';
import { describeInfo } from './session.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Everything one run measured and how. */
export interface BrowserRecord {
  softwareRendering: boolean;
  machine: ReturnType<typeof describeMachine>;
  browser: { version: string; executablePath: string; headless: boolean; args: string[] };
  info: BrowserInfo;
  flags: Flags;
  plans: Record<string, { rows: number; epochs: number }>;
  workloads: Workload[];
  rows: BrowserRow[];
  failures: { workload: string; contender: string; error: string }[];
  raw: (RunResult & { round: number })[];
  matmulLines: string[];
  /** Row-subset and goal lines printed under the table. */
  subsetNote: string[];
  goal: string | null;
}

/** Write the JSON and Markdown files; returns the JSON's path. */
export function writeRecord(r: BrowserRecord): string {
  const resultsDir = join(HERE, '..', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = join(resultsDir, `browser-${stamp}.json`);
  const { subsetNote, goal, ...rest } = r;
  writeFileSync(json, JSON.stringify({ mode: 'browser', ...rest }, null, 2));
  const cli = process.argv.slice(2).join(' ');
  const { machine } = r;
  const md = [
    `Measured ${new Date().toISOString()} with \`tsx bench/browser/run.ts${cli ? ` ${cli}` : ''}\` in Chromium ${r.browser.version} (${r.browser.headless ? 'headless' : 'headed'}).`,
    '',
    ...(r.softwareRendering
      ? ['**Software rendering (SwiftShader on the CPU): the WebGPU/WebGL rows are not GPU results.**', '']
      : []),
    '```',
    ...describeInfo(r.info),
    ...machine.lscpu,
    `Node ${machine.node}, ${machine.platform}, ${machine.memoryGiB} GiB`,
    `load average (1 min) at start ${machine.loadAverage.start.toFixed(2)}, at end ${machine.loadAverage.end?.toFixed(2) ?? '?'}`,
    '```',
    '',
    browserMarkdownTable(r.rows),
    '',
    ...r.rows.flatMap((row) => row.notes.map((n) => `- ${row.workload} ${row.contender}: ${n}`)),
    ...r.failures.map((f) => `- ${f.workload} ${f.contender}: failed — ${f.error}`),
    ...(subsetNote.length ? [`- Row subset: ${subsetNote.join(', ')}.`] : []),
    ...(goal ? [`- ${goal}`] : []),
    '',
    ...r.matmulLines,
  ].join('\n');
  writeFileSync(json.replace(/\.json$/, '.md'), md);
  return json;
}
