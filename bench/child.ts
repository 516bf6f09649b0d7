/**
 * What a contender process gets and gives back. Each contender runs in its own process (so its peak RSS
 * is its own) and prints one line `RESULT {json}` on stdout.
 */
import { WORKLOADS, type Workload } from './workloads.ts';

/** Measurements of one contender on one workload. */
export interface ContenderResult {
  contender: string;
  /** What actually ran, e.g. "WebAssembly SIMD · 1 thread" or "PyTorch 1.13 · 2 threads". */
  label: string;
  workload: Workload['id'];
  /** Wall-clock seconds of each epoch, in order. */
  epochSeconds: number[];
  /** Accuracy on the whole training set after the last epoch (a separate, untimed pass). */
  finalAccuracy: number;
  /** Peak resident set size of the process, MiB. */
  peakRssMiB: number;
  /** Resident set size after each epoch, MiB (memory growth across epochs shows here). */
  rssAfterEpochMiB: number[];
  /** Extra facts worth a footnote (threads tried, flags). */
  notes: string[];
}

/** Arguments every contender takes: `<workload id> <data file> <epochs> [variant]`. */
export interface ContenderArgs {
  workload: Workload;
  dataPath: string;
  epochs: number;
  variant: string;
}

/** Parse the contender's command line. */
export function contenderArgs(argv: readonly string[] = process.argv.slice(2)): ContenderArgs {
  const [id, dataPath, epochs, variant = ''] = argv;
  const workload = WORKLOADS.find((w) => w.id === id);
  if (!workload || !dataPath || !(Number(epochs) >= 1)) {
    throw new Error(
      `usage: <${WORKLOADS.map((w) => w.id).join('|')}> <data file> <epochs> [variant]; got ${argv.join(' ')}`,
    );
  }
  return { workload, dataPath, epochs: Number(epochs), variant };
}

/** Current resident set size, MiB. */
export function rssMiB(): number {
  return process.memoryUsage.rss() / 2 ** 20;
}

/** Peak resident set size of this process so far, MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Print the result line the orchestrator parses. */
export function report(result: ContenderResult): void {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

/** Fraction of rows whose argmax over `classes` outputs equals the label. */
export function accuracy(out: Float32Array, y: Float32Array, classes: number): number {
  let correct = 0;
  for (let r = 0; r < y.length; r++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (out[r * classes + c] > out[r * classes + best]) best = c;
    if (best === y[r]) correct++;
  }
  return correct / y.length;
}
