/** The browser benchmark's command-line flags (documented at the top of run.ts) and what they plan per workload. */
import type { Workload } from '../workloads.ts';

/** Flags for a real GPU on Linux (Chrome's headless GPU testing guidance: ANGLE and WebGPU on Vulkan). */
export const GPU_FLAGS = [
  '--use-angle=vulkan',
  '--enable-features=Vulkan',
  '--disable-vulkan-surface',
  '--ignore-gpu-blocklist',
];
/** --quick: this share of each workload's rows, this many epochs. */
const QUICK_FRACTION = 0.1;
const QUICK_EPOCHS = 3;

/** Parsed flags of bench/browser/run.ts. */
export interface Flags {
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

/** Parse argv, refusing unknown flags and non-positive numbers. */
export function parseFlags(argv: readonly string[]): Flags {
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
export function plan(w: Workload, f: Flags): { rows: number; epochs: number } {
  const fraction = f.fraction ?? (f.quick ? QUICK_FRACTION : null);
  const rows = Math.min(w.rows, Math.floor(f.rows ?? (fraction ? w.rows * Math.min(1, fraction) : w.rows)));
  return { rows: Math.max(w.batchSize, rows), epochs: f.epochs ?? (f.quick ? QUICK_EPOCHS : w.epochs) };
}
