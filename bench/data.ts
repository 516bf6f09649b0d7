/**
 * Seeded benchmark data: inputs x ~ N(0, 1) and labels from a fixed random "teacher" network
 * (features → 64 tanh → classes, argmax), so the task is learnable. Written once to a raw binary file
 * (float32 little-endian: x row-major, then y as class indices) that every contender reads, the
 * PyTorch script included, so all train on the very same numbers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Random } from '../engine/random.ts';
import type { Workload } from './workloads.ts';

/** Training arrays of one workload. */
export interface BenchData {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  features: number;
  classes: number;
}

const TEACHER_HIDDEN = 64;

/** Generate the workload's data deterministically from its seed. */
export function generateData(w: Workload): BenchData {
  const rng = new Random(w.seed);
  const { rows, features, classes } = w;
  const w1 = Float64Array.from({ length: features * TEACHER_HIDDEN }, () => rng.normal() / Math.sqrt(features));
  const w2 = Float64Array.from({ length: TEACHER_HIDDEN * classes }, () => rng.normal() / Math.sqrt(TEACHER_HIDDEN));
  const x = new Float32Array(rows * features);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Float32Array(rows);
  const h = new Float64Array(TEACHER_HIDDEN);
  for (let r = 0; r < rows; r++) {
    h.fill(0);
    for (let k = 0; k < features; k++) {
      const xv = x[r * features + k];
      for (let j = 0; j < TEACHER_HIDDEN; j++) h[j] += xv * w1[k * TEACHER_HIDDEN + j];
    }
    let best = 0;
    let bestValue = -Infinity;
    for (let c = 0; c < classes; c++) {
      let s = 0;
      for (let j = 0; j < TEACHER_HIDDEN; j++) s += Math.tanh(h[j]) * w2[j * classes + c];
      if (s > bestValue) [best, bestValue] = [c, s];
    }
    y[r] = best;
  }
  return { x, y, rows, features, classes };
}

/** Write data to `path` (raw float32: x, then y). */
export function writeData(path: string, d: BenchData): void {
  const bytes = new Uint8Array((d.x.length + d.y.length) * 4);
  new Float32Array(bytes.buffer, 0, d.x.length).set(d.x);
  new Float32Array(bytes.buffer, d.x.length * 4, d.y.length).set(d.y);
  writeFileSync(path, bytes);
}

/** Read data written by writeData, for a workload's shape. */
export function readData(path: string, w: Workload): BenchData {
  const buf = readFileSync(path);
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const n = w.rows * w.features;
  if (all.length !== n + w.rows)
    throw new Error(`${path} holds ${all.length} floats; ${w.id} needs ${n + w.rows}. Delete it and rerun.`);
  return { x: all.subarray(0, n), y: all.subarray(n), rows: w.rows, features: w.features, classes: w.classes };
}
