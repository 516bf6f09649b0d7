/** A description of the machine a benchmark ran on, for the results file. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** What the results were measured on. */
export interface MachineInfo {
  /** The first lines of `lscpu` (architecture, CPU model, cores). */
  lscpu: string[];
  cpus: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
  loadAverage: { start: number; end: number | null };
}

function lscpu(): string[] {
  try {
    return execFileSync('lscpu', { encoding: 'utf8' })
      .split('\n')
      .filter((l) => /^(Architecture|Model name|CPU\(s\)|Thread|Core|Socket|Vendor ID|L1d|L2|L3|Flags)/.test(l))
      .map((l) =>
        l.startsWith('Flags')
          ? `Flags: ${['avx2', 'avx512f', 'fma'].filter((f) => l.includes(` ${f}`)).join(' ')} (selected)`
          : l.replace(/\s+/g, ' '),
      );
  } catch (e) {
    return [`lscpu unavailable: ${e instanceof Error ? e.message : String(e)}`];
  }
}

/** Describe this machine now. */
export function describeMachine(): MachineInfo {
  return {
    lscpu: lscpu(),
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: { start: os.loadavg()[0], end: null },
  };
}
