/** How busy the machine's CPUs are with other work, for `npm run bench` (bench/run.ts) to report and wait on. */
import { existsSync, readFileSync } from 'node:fs';

/** Busy fraction of all CPUs over the next `ms` (from /proc/stat); null where there is no /proc/stat. */
export async function cpuBusy(ms: number): Promise<number | null> {
  const sample = () => {
    if (!existsSync('/proc/stat')) return null;
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: f.reduce((a, b) => a + b, 0), idle: f[3] + (f[4] ?? 0) };
  };
  const a = sample();
  await new Promise((r) => setTimeout(r, ms));
  const b = sample();
  return a && b && b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
}

/** Wait up to `seconds` until the CPUs are at most 15 % busy (other work on the machine skews timings). */
export async function waitForQuiet(seconds: number): Promise<number | null> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const busy = await cpuBusy(1000);
    if (busy === null || busy <= 0.15 || Date.now() > until) return busy;
  }
}
