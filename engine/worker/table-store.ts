/** The worker's current table: streamed in from bytes, shown as rows, prepared (cached) for training. */
import {
  createCsvReader,
  prepareDataset,
  profileTable,
  type CsvOptions,
  type CsvProgress,
  type DatasetProfile,
  type DatasetSettings,
  type ParsedTable,
  type PreparedDataset,
} from '../data/index.ts';
import type { SourcePage } from '../export/index.ts';
import type { ByteSource, DatasetSummary, DateOrderFound, TableInfo } from '../protocol/index.ts';
import { cellText } from '../run/index.ts';
import { columnInfo } from './profile.ts';

/** Bytes read per slice of a streamed file. */
const CHUNK_BYTES = 1 << 20;
/** Progress events at most this often. */
const PROGRESS_MS = 80;
/** Prepared datasets kept (settings being edited, and the one training uses). */
const PREPARED_CACHE = 3;

/** Read a whole CSV from a Blob-like source or bytes, reporting progress. */
export async function readTable(
  source: ByteSource | ArrayBuffer,
  onProgress: (p: CsvProgress) => void,
  options: CsvOptions = {},
): Promise<ParsedTable> {
  const total = source instanceof ArrayBuffer ? source.byteLength : source.size;
  let last = 0;
  const reader = createCsvReader({ ...options, totalBytes: total }, (p) => {
    const now = Date.now();
    if (now - last >= PROGRESS_MS) {
      last = now;
      onProgress(p);
    }
  });
  if (source instanceof ArrayBuffer) {
    for (let at = 0; at < total; at += CHUNK_BYTES)
      reader.push(new Uint8Array(source, at, Math.min(CHUNK_BYTES, total - at)));
  } else {
    for (let at = 0; at < total; at += CHUNK_BYTES) {
      reader.push(new Uint8Array(await source.slice(at, Math.min(total, at + CHUNK_BYTES)).arrayBuffer()));
    }
  }
  return reader.finish();
}

/** Where the table's date order comes from (see `TableInfo.dateOrderFound`). */
function dateOrderFound(table: ParsedTable): DateOrderFound {
  const formats = table.columns.flatMap((c) => (c.format?.dateOrder ? [c.format] : []));
  if (formats.length === 0) return 'none';
  if (table.reading.dateOrder === null) return 'differs';
  return formats.every((f) => f.dateOrderAssumed) ? 'assumed' : 'detected';
}

/** The table as the UI sees it: reading warnings, and the engine's profile of every column. */
export function tableInfo(name: string, table: ParsedTable, profile: DatasetProfile): TableInfo {
  return {
    name,
    rows: table.rows,
    columns: profile.columns.map(columnInfo),
    delimiter: table.delimiter,
    encoding: table.encoding,
    reading: table.reading,
    dateOrderFound: dateOrderFound(table),
    warnings: [...table.warnings, ...profile.warnings],
  };
}

/** The current table and a small cache of prepared datasets. */
export class TableStore {
  table: ParsedTable | null = null;
  name = '';
  /** The web page the current table came from (`data/source`, the browser extension); null for a file. */
  sourcePage: SourcePage | null = null;
  #prepared = new Map<string, PreparedDataset>();
  #targetWarnings = new Map<string, DatasetSummary['warnings']>();

  /** Make `table` current (and forget what was computed for the previous one). */
  set(name: string, table: ParsedTable): void {
    this.table = table;
    this.name = name;
    this.sourcePage = null;
    this.#prepared.clear();
    this.#targetWarnings.clear();
  }

  /** Forget the table and everything computed for it (New project). */
  clear(): void {
    this.table = null;
    this.name = '';
    this.sourcePage = null;
    this.#prepared.clear();
    this.#targetWarnings.clear();
  }

  /** The current table and the prepared datasets cached for it (for the worker's memory estimate). */
  heldData(): unknown[] {
    return [this.table, ...this.#prepared.values()];
  }

  /** Data-quality warnings that depend on the target (class imbalance, leaks), beyond the whole-table ones. */
  targetWarnings(target: string, preprocess: boolean): DatasetSummary['warnings'] {
    const key = `${target}\u0000${preprocess}`;
    let hit = this.#targetWarnings.get(key);
    if (!hit) {
      const t = this.require();
      const general = new Set(profileTable(t, { preprocess }).warnings.map((w) => w.message));
      hit = profileTable(t, { target, preprocess }).warnings.filter((w) => !general.has(w.message));
      this.#targetWarnings.set(key, hit);
    }
    return hit;
  }

  /** The current table, or a DatasetError-like message when none is loaded. */
  require(): ParsedTable {
    if (!this.table) throw new Error('Internal error (please report): no table is loaded in the engine.');
    return this.table;
  }

  /** Display rows: a window, or the listed row indices. */
  rows(start: number, count: number, indices: Int32Array | null): string[][] {
    const t = this.require();
    const list =
      indices ?? Int32Array.from({ length: Math.max(0, Math.min(count, t.rows - start)) }, (_, i) => start + i);
    const out: string[][] = [];
    for (const r of list) {
      if (r < 0 || r >= t.rows) continue;
      out.push(t.columns.map((c) => cellText(c, r)));
    }
    return out;
  }

  /** Prepare (or reuse) the training arrays for these settings and seed. */
  prepare(settings: DatasetSettings, seed: number): PreparedDataset {
    const t = this.require();
    const key = JSON.stringify([settings, seed]);
    const hit = this.#prepared.get(key);
    if (hit) {
      this.#prepared.delete(key);
      this.#prepared.set(key, hit);
      return hit;
    }
    const prepared = prepareDataset(t, settings, seed);
    this.#prepared.set(key, prepared);
    while (this.#prepared.size > PREPARED_CACHE) {
      const oldest = this.#prepared.keys().next().value;
      if (oldest === undefined) break;
      this.#prepared.delete(oldest);
    }
    return prepared;
  }
}

/** What the UI shows about a prepared dataset; `extra` adds warnings (the target's profile). */
export function summarize(
  table: ParsedTable,
  p: PreparedDataset,
  extra: DatasetSummary['warnings'] = [],
): DatasetSummary {
  const used = p.train.rows + p.validation.rows + p.test.rows;
  return {
    task: p.task,
    featureNames: p.featureNames,
    rows: { train: p.train.rows, validation: p.validation.rows, test: p.test.rows },
    droppedRows: table.rows - used,
    // a warning both the target's profile and preparation give (classes differing only in case) shows once
    warnings: [...extra, ...p.warnings.filter((w) => !extra.some((e) => e.code === w.code && e.path === w.path))],
  };
}
