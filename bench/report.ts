/** Turns contender results into the summary table (text for the terminal, Markdown for RESULTS.md). */
import type { ContenderResult } from './child.ts';
import { flopsPerEpoch, type Workload } from './workloads.ts';

/** One row of the table. */
export interface SummaryRow {
  workload: Workload['id'];
  contender: string;
  label: string;
  /** Median seconds per epoch over the epochs after the first (the first one if it is the only one). */
  secondsPerEpoch: number;
  gflops: number;
  finalAccuracy: number;
  epochs: number;
  /** How many times faster than TF.js-wasm (its time ÷ this time); null when TF.js-wasm did not run. */
  speedupVsTfjsWasm: number | null;
  /** This time ÷ PyTorch's best time (≤ 1 means at least as fast); null when PyTorch did not run. */
  timeVsPytorch: number | null;
  peakRssMiB: number;
  /** RSS after the last epoch minus after the first, MiB. */
  rssGrowthMiB: number;
  notes: string[];
}

/** Median of a non-empty list. */
export function median(a: readonly number[]): number {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Seconds per epoch as reported: median after the warm-up epoch. */
export function secondsPerEpoch(r: ContenderResult): number {
  return median(r.epochSeconds.length > 1 ? r.epochSeconds.slice(1) : r.epochSeconds);
}

/** Summary rows of one workload, with ratios to TF.js-wasm and to PyTorch. */
export function summarize(w: Workload, results: readonly ContenderResult[]): SummaryRow[] {
  const time = (id: string) => {
    const r = results.find((x) => x.contender === id);
    return r ? secondsPerEpoch(r) : null;
  };
  const tfjs = time('tfjs-wasm');
  const torch = time('torch');
  return results.map((r) => {
    const s = secondsPerEpoch(r);
    const rss = r.rssAfterEpochMiB;
    return {
      workload: w.id,
      contender: r.contender,
      label: r.label,
      secondsPerEpoch: s,
      gflops: flopsPerEpoch(w) / s / 1e9,
      finalAccuracy: r.finalAccuracy,
      epochs: r.epochSeconds.length,
      speedupVsTfjsWasm: tfjs === null ? null : tfjs / s,
      timeVsPytorch: torch === null ? null : s / torch,
      peakRssMiB: r.peakRssMiB,
      rssGrowthMiB: rss.length ? rss[rss.length - 1] - rss[0] : 0,
      notes: r.notes,
    };
  });
}

const HEAD = [
  'workload',
  'contender',
  's/epoch',
  'GFLOP/s',
  'epochs',
  'train acc',
  '× faster than TF.js-wasm',
  'time ÷ PyTorch',
  'peak RSS MiB',
  'RSS growth MiB',
  'ran as',
];

function cells(r: SummaryRow): string[] {
  const f = (v: number | null, d: number) => (v === null ? '–' : v.toFixed(d));
  return [
    r.workload,
    r.contender,
    f(r.secondsPerEpoch, 3),
    f(r.gflops, 1),
    String(r.epochs),
    f(r.finalAccuracy, 3),
    f(r.speedupVsTfjsWasm, 2),
    f(r.timeVsPytorch, 2),
    f(r.peakRssMiB, 0),
    f(r.rssGrowthMiB, 1),
    r.label,
  ];
}

/** A fixed-width text table. */
export function textTable(rows: readonly SummaryRow[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const width = HEAD.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all
    .map((r) => r.map((c, i) => (i < 2 || i === r.length - 1 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  '))
    .join('\n');
}

/** A Markdown table. */
export function markdownTable(rows: readonly SummaryRow[]): string {
  const line = (c: string[]) => `| ${c.join(' | ')} |`;
  return [
    line(HEAD),
    line(HEAD.map((_, i) => (i < 2 || i === HEAD.length - 1 ? '---' : '---:'))),
    ...rows.map((r) => line(cells(r))),
  ].join('\n');
}
