/** The run list's line about what the engine worker holds. */
import type { WorkerMemory } from '../../../../engine/protocol/index.ts';

/** Bytes in the largest unit that keeps the number at least 1: `812 bytes`, `4.2 KB`, `1.3 GB`. */
export function formatBytes(bytes: number): string {
  const units = ['KB', 'MB', 'GB', 'TB'];
  if (bytes < 1024) return `${Math.round(bytes)} bytes`;
  let value = bytes;
  let unit = 'bytes';
  for (const u of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = u;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toString()} ${unit}`;
}

/** `Engine memory: 12 MB (data 2.1 MB, 3 runs 9.9 MB)`: the estimate the worker reported. */
export function memoryLabel(m: WorkerMemory): string {
  const runs = m.runs === 1 ? '1 run' : `${m.runs} runs`;
  return `Engine memory: ${formatBytes(m.bytes)} (data ${formatBytes(m.tableBytes)}, ${runs} ${formatBytes(m.runBytes)})`;
}
