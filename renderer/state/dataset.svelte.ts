/** The loaded CSV and the user's dataset settings; loading and checking go through the engine worker. */
import type {
  ColumnSettings,
  DatasetSettings,
  DatasetSummary,
  LoadOptions,
  TableInfo,
  WireError,
} from '../../engine/protocol/index.ts';
import { DEFAULT_SPLIT } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine/engine-client.ts';
import type { SourcePage } from '../../extension/inbox.ts';
import { asWireError } from '../lib/wire-error.ts';
import { defaultTarget } from '../lib/default-target.ts';

/** Progress of a file being read. */
export interface LoadProgress {
  name: string;
  /** 0–1, or null when the size is unknown. */
  fraction: number | null;
  rows: number;
}

/** Dataset state: the table from the worker, the source bytes (for saving and restarts), the settings. */
export class DatasetState {
  table = $state.raw<TableInfo | null>(null);
  /** The CSV as loaded; kept (not read) so projects can embed it and a restarted worker can reload it. */
  source = $state.raw<Blob | null>(null);
  loading = $state.raw<LoadProgress | null>(null);
  loadError = $state.raw<WireError | null>(null);
  settings = $state<DatasetSettings | null>(null);
  summary = $state.raw<DatasetSummary | null>(null);
  prepareError = $state.raw<WireError | null>(null);
  /**
   * How the table was read: the user's decimal separator and date order (absent: detected) and what to
   * do with malformed rows. Kept with the project, and used again whenever the file is re-read.
   */
  options = $state.raw<LoadOptions>({});
  /** The web page the table came from (the browser extension's menu), kept with the project; null for a file. */
  sourcePage = $state.raw<SourcePage | null>(null);
  /** Bumped whenever a different table is loaded, so views refetch rows. */
  revision = $state(0);

  /** Columns in file order with their effective role. */
  readonly columnRoles = $derived.by(() => {
    const s = this.settings;
    const t = this.table;
    if (!s || !t) return [];
    return t.columns.map((c) => ({
      column: c,
      role:
        c.name === s.target ? ('target' as const) : (s.columns?.[c.name]?.role ?? (c.exclusion ? 'ignore' : 'feature')),
    }));
  });

  readonly #engine: EngineClient;
  readonly #onChange: () => void;
  readonly #seed: () => number;
  #prepareSeq = 0;

  /** `seed` is the training seed, which also seeds the split. */
  constructor(engine: EngineClient, onChange: () => void, seed: () => number) {
    this.#engine = engine;
    this.#onChange = onChange;
    this.#seed = seed;
  }

  /** The file whose import failed, so it can be retried with other reading options. */
  #failed: {
    name: string;
    blob: Blob;
    target: string | null;
    settings: DatasetSettings | null;
    options: LoadOptions;
    sourcePage: SourcePage | null;
  } | null = null;

  /** Bumped by each load (and by `clear`): a load that is no longer the latest leaves the dataset alone. */
  #loadSeq = 0;
  /** The load under way: the next one waits for it, so the worker ends up holding the latest file chosen. */
  #lastLoad: Promise<unknown> = Promise.resolve();

  /**
   * Read a CSV into the worker with the reading `options` (none: detect); on success it replaces the
   * current table (settings reset unless given). `sourcePage` is the web page it came from (none: a file).
   * Loads run one after the other; one overtaken by a later load (or a `clear`) changes nothing and is false.
   */
  async load(
    name: string,
    blob: Blob,
    options: {
      target?: string | null;
      settings?: DatasetSettings | null;
      options?: LoadOptions;
      sourcePage?: SourcePage | null;
    } = {},
  ): Promise<boolean> {
    const seq = ++this.#loadSeq;
    const previous = this.#lastLoad;
    const loaded = this.#read(seq, previous, name, blob, options);
    this.#lastLoad = loaded;
    return loaded;
  }

  async #read(
    seq: number,
    previous: Promise<unknown>,
    name: string,
    blob: Blob,
    options: Parameters<DatasetState['load']>[2] & {},
  ): Promise<boolean> {
    const reading = options.options ?? {};
    const isLatest = (): boolean => seq === this.#loadSeq;
    this.loading = { name, fraction: 0, rows: 0 };
    this.loadError = null;
    this.#failed = null;
    try {
      // Two reads at once would leave the worker with whichever ends last, not with the file chosen last.
      await previous;
      if (!isLatest()) return false;
      const reply = await this.#engine.request({ type: 'data/load', name, source: blob, options: reading }, (p) => {
        if (isLatest()) this.loading = { name, fraction: p.fraction, rows: p.rows };
      });
      if (!isLatest()) return false;
      // The page goes to the worker too, so the model files of runs on this table keep it.
      if (options.sourcePage) await this.#engine.request({ type: 'data/source', page: options.sourcePage });
      this.table = reply.table;
      this.source = blob;
      this.options = reading;
      this.sourcePage = options.sourcePage ?? null;
      this.revision++;
      this.summary = null;
      this.prepareError = null;
      if (options.settings && options.settings.target) {
        this.settings = options.settings;
      } else {
        const target = defaultTarget(reply.table, options.target ?? null);
        this.settings = target ? { target, columns: {}, split: { ...DEFAULT_SPLIT } } : null;
      }
      await this.prepare();
      this.#onChange();
      return true;
    } catch (e) {
      if (!isLatest()) return false;
      this.loadError = asWireError(e);
      this.#failed = {
        name,
        blob,
        target: options.target ?? null,
        settings: options.settings ?? null,
        options: reading,
        sourcePage: options.sourcePage ?? null,
      };
      return false;
    } finally {
      if (isLatest()) this.loading = null;
    }
  }

  /** The last import failed on rows with the wrong number of values: read it again, leaving them out. */
  async retrySkippingMalformedRows(): Promise<boolean> {
    const failed = this.#failed;
    if (!failed) return false;
    return this.load(failed.name, failed.blob, {
      target: failed.target,
      settings: failed.settings,
      options: { ...failed.options, raggedRows: 'skip' },
      sourcePage: failed.sourcePage,
    });
  }

  /**
   * Read the loaded file again with another decimal separator or date order (`undefined`: detect),
   * keeping the dataset settings; the profile and preview follow the new reading.
   */
  async reread(change: Pick<LoadOptions, 'decimal' | 'dateOrder'>): Promise<boolean> {
    if (!this.source || !this.table) return false;
    const options: LoadOptions = { ...this.options, ...change };
    for (const k of Object.keys(options) as (keyof LoadOptions)[]) if (options[k] === undefined) delete options[k];
    const settings = this.settings ? $state.snapshot(this.settings) : null;
    return this.load(this.table.name, this.source, { settings, options, sourcePage: this.sourcePage });
  }

  /** Reload the same bytes into a fresh worker (after a crash), keeping the settings and reading options. */
  async reload(): Promise<void> {
    if (!this.source || !this.table) return;
    const settings = this.settings ? $state.snapshot(this.settings) : null;
    await this.load(this.table.name, this.source, { settings, options: this.options, sourcePage: this.sourcePage });
  }

  /** Forget the table (a load still under way is dropped). */
  clear(): void {
    this.#loadSeq++;
    this.loading = null;
    this.table = null;
    this.source = null;
    this.options = {};
    this.sourcePage = null;
    this.settings = null;
    this.summary = null;
    this.prepareError = null;
    this.loadError = null;
    this.revision++;
    this.#onChange();
  }

  /** Predict this column. The previous target becomes a feature again. */
  setTarget(name: string): void {
    if (!this.settings) this.settings = { target: name, columns: {}, split: { ...DEFAULT_SPLIT } };
    const cols = this.settings.columns ?? (this.settings.columns = {});
    const col = cols[name];
    if (col?.role) delete col.role;
    this.settings.target = name;
    delete this.settings.task;
    this.#changed();
  }

  /** Change one column's settings (role, type, missing, scaling, encoding, …). */
  setColumn(name: string, patch: Partial<ColumnSettings>): void {
    if (!this.settings) return;
    const cols = this.settings.columns ?? (this.settings.columns = {});
    const next: ColumnSettings = { ...(cols[name] ?? {}), ...patch };
    for (const k of Object.keys(next) as (keyof ColumnSettings)[]) if (next[k] === undefined) delete next[k];
    cols[name] = next;
    this.#changed();
  }

  /** Force classification or regression, or `null` to infer. */
  setTask(task: 'classification' | 'regression' | null): void {
    if (!this.settings) return;
    if (task) this.settings.task = task;
    else delete this.settings.task;
    this.#changed();
  }

  /** Set the validation and test fractions. */
  setSplit(split: { validation: number; test: number }): void {
    if (!this.settings) return;
    this.settings.split = split;
    this.#changed();
  }

  /** Split rows at random (stratified) or by time (the latest rows are tested). */
  setSplitOrder(order: 'random' | 'time'): void {
    if (!this.settings) return;
    if (order === 'time') this.settings.splitOrder = 'time';
    else delete this.settings.splitOrder;
    this.#changed();
  }

  /** Turn scaling of features and target on or off. */
  setPreprocess(on: boolean): void {
    if (!this.settings) return;
    this.settings.preprocess = on;
    this.#changed();
  }

  #changed(): void {
    void this.prepare();
    this.#onChange();
  }

  /** Ask the worker what these settings produce (task, features, split sizes, warnings). */
  async prepare(): Promise<void> {
    const settings = this.settings;
    if (!settings || !this.table) return;
    const seq = ++this.#prepareSeq;
    try {
      const reply = await this.#engine.request({
        type: 'data/prepare',
        settings: $state.snapshot(settings),
        seed: this.#seed(),
      });
      if (seq !== this.#prepareSeq) return;
      this.summary = reply.summary;
      this.prepareError = null;
    } catch (e) {
      if (seq !== this.#prepareSeq) return;
      this.summary = null;
      this.prepareError = asWireError(e);
    }
  }
}
