/**
 * Gathers what a report shows, through the engine's own steps: the model's preprocessing of the rows,
 * the run pipeline's evaluation, the data profile, permutation importance and partial dependence
 * (engine/explain). Hosts (the CLI's `report`, the app's worker) call this, then `buildReport`.
 */
import type { Backend } from '../backend/index.ts';
import { applyPreprocessing, profileTable, type ParsedTable } from '../data/index.ts';
import { DatasetError } from '../errors.ts';
import type { ModelFile } from '../export/index.ts';
import { ExplainError, partialDependence, permutationImportance, type PartialDependence } from '../explain/index.ts';
import { evaluateTestSplit, preprocessingOf } from '../run/index.ts';
import { reportMessages } from './messages.ts';
import { trainingRowsWarning } from './overlap.ts';
import { sha256Hex } from './sha256.ts';
import { tableRows } from './table-rows.ts';
import type { ReportInput, ReportReproduce } from './types.ts';

/**
 * Most rows importance and partial dependence are measured on: a larger file is sampled evenly, so a report
 * of a million rows takes a minute rather than many (each column's shuffles predict every row again).
 */
export const MAX_EXPLAIN_ROWS = 20_000;

/** Columns given a partial-dependence chart when not told. */
export const DEFAULT_TOP_COLUMNS = 3;

/** What the host knows and the engine does not. */
export interface CollectOptions {
  /** The data file's name as the user knows it. */
  file: string;
  /** The model file's bytes (or text) exactly as saved: their SHA-256 is the report's checksum. */
  modelSource: string | Uint8Array;
  /** Command lines and versions for Reproduce (the checksum is added here). */
  reproduce: Omit<ReportReproduce, 'modelChecksum'>;
  /** Score only these data rows of the table (0-based), e.g. the app's test split, named `rowsLabel`. */
  rows?: { indices: Int32Array; label: string } | null;
  title?: string;
  /** Permutation importance's shuffles per column and seed (defaults: engine/explain's). */
  repeats?: number;
  seed?: number;
  /** How many of the most important columns get a partial-dependence chart. */
  top?: number;
  createdAt?: string;
  /**
   * Called as the slow parts advance (importance's shuffles, then each chart's grid values): `done` of
   * `total` (a fixed scale, not a count of anything); awaited, so a host can yield or throw to stop.
   */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/** The scale of `CollectOptions.onProgress`: importance takes the first 80%, the dependence charts the rest. */
const REPORT_PROGRESS_STEPS = 1000;
const IMPORTANCE_SHARE = 800;

/** A progress callback for the part from `from` to `to` of the report's steps, or none without a listener. */
function part(o: CollectOptions, from: number, to: number) {
  const report = o.onProgress;
  if (!report) return {};
  const onProgress = (done: number, total: number) =>
    report(Math.round(from + ((to - from) * done) / Math.max(1, total)), REPORT_PROGRESS_STEPS);
  return { onProgress };
}

/** The rows importance and partial dependence use: all of them, or MAX_EXPLAIN_ROWS evenly spaced. */
function explainedRows(table: ParsedTable, x: Float32Array, y: Float32Array, rows: number, inputs: number) {
  if (rows <= MAX_EXPLAIN_ROWS) return { table, x, y, rows };
  const picked = Int32Array.from({ length: MAX_EXPLAIN_ROWS }, (_, i) => Math.floor((i * rows) / MAX_EXPLAIN_ROWS));
  const xs = new Float32Array(picked.length * inputs);
  picked.forEach((r, i) => xs.set(x.subarray(r * inputs, (r + 1) * inputs), i * inputs));
  return { table: tableRows(table, picked), x: xs, y: Float32Array.from(picked, (r) => y[r]!), rows: picked.length };
}

const count = (n: number): string => n.toLocaleString('en-US');

/** Everything `buildReport` needs, for `model` on `table`, computed on `backend`. */
export async function collectReport(
  model: ModelFile,
  table: ParsedTable,
  backend: Backend,
  o: CollectOptions,
): Promise<ReportInput> {
  const pre = preprocessingOf(model);
  const target = pre.target.column;
  if (table.rows === 0) throw new DatasetError(reportMessages.noRows(o.file));
  const data = o.rows ? tableRows(table, o.rows.indices) : table;
  const applied = applyPreprocessing(pre, data);
  if (!applied.y) throw new DatasetError(reportMessages.noTarget(target, o.file));
  const rowIndices = o.rows ? Int32Array.from(o.rows.indices) : Int32Array.from({ length: applied.rows }, (_, i) => i);
  const split = { x: applied.x, y: applied.y, rows: applied.rows, features: model.inputs, rowIndices };
  const evaluation = await evaluateTestSplit(model, split, backend);
  const ex = explainedRows(data, applied.x, applied.y, applied.rows, model.inputs);
  const importance = await permutationImportance(model, pre, backend, ex.x, ex.y, ex.rows, {
    repeats: o.repeats,
    seed: o.seed,
    ...part(o, 0, IMPORTANCE_SHARE),
  });
  const dependence: PartialDependence[] = [];
  const notes: string[] = [];
  const top = importance.columns.slice(0, o.top ?? DEFAULT_TOP_COLUMNS);
  const share = (REPORT_PROGRESS_STEPS - IMPORTANCE_SHARE) / Math.max(1, top.length);
  for (const [i, c] of top.entries()) {
    const progress = part(o, IMPORTANCE_SHARE + i * share, IMPORTANCE_SHARE + (i + 1) * share);
    try {
      dependence.push(await partialDependence(model, pre, backend, ex.table, ex.x, ex.rows, c.column, progress));
    } catch (e) {
      // A column with no value in these rows has no curve; the section says so instead.
      if (!(e instanceof ExplainError)) throw e;
      notes.push(e.message);
    }
  }
  const scoredRows = evaluation.actual.length;
  const leftOut = applied.rows - scoredRows;
  const where = o.rows
    ? `${o.rows.label}: ${scoredRows.toLocaleString('en-US')} of ${table.rows.toLocaleString('en-US')} rows`
    : `${scoredRows.toLocaleString('en-US')} of ${table.rows.toLocaleString('en-US')} rows`;
  return {
    title: o.title ?? `Report: ${model.spec.name ?? 'model'} on ${o.file}`,
    createdAt: o.createdAt ?? new Date().toISOString(),
    model,
    data: {
      file: o.file,
      rows: table.rows,
      columns: table.columns.length,
      scored: leftOut > 0 ? `${where} (${leftOut.toLocaleString('en-US')} left out: target missing or unknown)` : where,
      profile: profileTable(table, { target, preprocess: pre.preprocess }),
      warnings: applied.warnings,
      trainingRows: o.rows ? null : trainingRowsWarning(model, o.file, scoredRows),
    },
    evaluation,
    importance,
    dependenceNotes: notes,
    explainedSample:
      ex.rows < applied.rows
        ? `Measured on ${count(ex.rows)} of the ${count(applied.rows)} rows, evenly spaced through the file,` +
          ' to keep the report quick.'
        : null,
    dependence,
    reproduce: { ...o.reproduce, modelChecksum: sha256Hex(o.modelSource) },
  };
}
