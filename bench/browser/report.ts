/** The browser mode's summary table: seconds per epoch, GFLOP/s, accuracy, and ratios to TF.js's GPU backends. */
import { median } from '../report.ts';
import { flopsPerEpoch, type Workload } from '../workloads.ts';
import { isSoftware, type RunResult } from './protocol.ts';

/** One row of the browser table. */
export interface BrowserRow {
  workload: Workload['id'];
  contender: string;
  label: string;
  /** Rows trained on (fewer than the workload's under --quick / --rows). */
  rows: number;
  /** Median seconds per epoch over the epochs after the first. */
  secondsPerEpoch: number;
  /** Matrix-multiply GFLOP/s on the rows trained on. */
  gflops: number;
  epochs: number;
  finalAccuracy: number;
  /** TF.js-webgpu's time ÷ this time (> 1: faster than TF.js on WebGPU); null when it did not run. */
  speedupVsTfjsWebgpu: number | null;
  speedupVsTfjsWebgl: number | null;
  /** 'GPU', 'software' (a software rasterizer such as SwiftShader: not a GPU result) or 'CPU'. */
  device: 'GPU' | 'software' | 'CPU';
  notes: string[];
}

/** Seconds per epoch as reported: the median after the warm-up epoch (as bench/report.ts). */
export function browserSecondsPerEpoch(r: Pick<RunResult, 'epochSeconds'>): number {
  return median(r.epochSeconds.length > 1 ? r.epochSeconds.slice(1) : r.epochSeconds);
}

/** Summary rows of one workload. */
export function summarizeBrowser(w: Workload, results: readonly RunResult[]): BrowserRow[] {
  const time = (id: string) => {
    const r = results.find((x) => x.contender === id);
    return r ? browserSecondsPerEpoch(r) : null;
  };
  const webgpu = time('tfjs-webgpu');
  const webgl = time('tfjs-webgl');
  return results.map((r) => {
    const s = browserSecondsPerEpoch(r);
    return {
      workload: w.id,
      contender: r.contender,
      label: r.label,
      rows: r.rows,
      secondsPerEpoch: s,
      gflops: flopsPerEpoch({ ...w, rows: r.rows }) / s / 1e9,
      epochs: r.epochSeconds.length,
      finalAccuracy: r.finalAccuracy,
      speedupVsTfjsWebgpu: webgpu === null ? null : webgpu / s,
      speedupVsTfjsWebgl: webgl === null ? null : webgl / s,
      device: r.device === null ? 'CPU' : isSoftware(r.device) ? 'software' : 'GPU',
      notes: r.notes,
    };
  });
}

const HEAD = [
  'workload',
  'contender',
  'rows',
  's/epoch',
  'GFLOP/s',
  'epochs',
  'train acc',
  '× faster than TF.js-webgpu',
  '× faster than TF.js-webgl',
  'device',
  'ran as',
];

function cells(r: BrowserRow): string[] {
  const f = (v: number | null, d: number) => (v === null ? '–' : v.toFixed(d));
  return [
    r.workload,
    r.contender,
    String(r.rows),
    f(r.secondsPerEpoch, 3),
    f(r.gflops, 2),
    String(r.epochs),
    f(r.finalAccuracy, 3),
    f(r.speedupVsTfjsWebgpu, 2),
    f(r.speedupVsTfjsWebgl, 2),
    r.device,
    r.label,
  ];
}

/** A fixed-width text table. */
export function browserTextTable(rows: readonly BrowserRow[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const width = HEAD.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const left = (i: number) => i < 2 || i >= HEAD.length - 2;
  return all.map((r) => r.map((c, i) => (left(i) ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ')).join('\n');
}

/** A Markdown table. */
export function browserMarkdownTable(rows: readonly BrowserRow[]): string {
  const line = (c: string[]) => `| ${c.join(' | ')} |`;
  return [
    line(HEAD),
    line(HEAD.map((_, i) => (i < 2 || i >= HEAD.length - 2 ? '---' : '---:'))),
    ...rows.map((r) => line(cells(r))),
  ].join('\n');
}

/** The browser goal: on W2, the engine on WebGPU beats TF.js on WebGPU (counts only on a real GPU, all rows). */
export function goalLine(
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
