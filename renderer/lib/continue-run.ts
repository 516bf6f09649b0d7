/**
 * The Continue training control's checks: whether a run can be continued now (and why not), the epochs
 * field, and the lines that say what continuing will do. A run continues with its own network, data
 * settings and training settings (as Keras's `fit(initial_epoch=…)` continues a compiled model).
 */
import type {
  DatasetSettings,
  DatasetSummary,
  NetworkSpec,
  StopReason,
  TableInfo,
} from '../../engine/protocol/index.ts';

/** What the checks read of a run (a `TrainingRun` fits). */
export interface ContinuableRun {
  name: string;
  status: string;
  isActive: boolean;
  hasModel: boolean;
  summary: DatasetSummary | null;
  settings: DatasetSettings;
  spec: NetworkSpec;
  history: readonly unknown[];
  stopReason: StopReason | null;
  bestEpoch: number;
  /** Set for a run opened from a model file: why the loaded dataset cannot read it, or null. */
  opened?: { dataProblem: string | null } | null;
}

/** The epochs field's value when the panel opens. */
export const DEFAULT_MORE_EPOCHS = 10;

/** Why `run` cannot be continued now (another run trains, no weights, another dataset), or null. */
export function continueBlocker(
  run: ContinuableRun,
  now: { activeRun: { name: string } | null; table: TableInfo | null },
): string | null {
  if (now.activeRun)
    return `${now.activeRun.name} is training. Wait for it to end, or stop it, to continue ${run.name}.`;
  if (!run.hasModel)
    return `${run.name} ${run.status === 'failed' ? 'failed, so it has' : 'has'} no trained weights to continue from. Start a new run instead.`;
  // An opened model whose columns the dataset lacks cannot train on it; the opener said why.
  if (run.opened?.dataProblem) return run.opened.dataProblem;
  const table = now.table;
  if (!table) return `Load the dataset ${run.name} was trained on (Data view) to continue it.`;
  const target = run.settings.target;
  if (target && !table.columns.some((c) => c.name === target)) {
    return `The loaded dataset (${table.name}) has no column '${target}', which ${run.name} predicts, so its weights do not fit it. Load the dataset ${run.name} was trained on (Data view).`;
  }
  const s = run.summary;
  const rows = s ? s.rows.train + s.rows.validation + s.rows.test + s.droppedRows : null;
  if (rows !== null && rows !== table.rows) {
    return `The loaded dataset (${table.name}, ${table.rows} rows) is not the one ${run.name} was trained on (${rows} rows), so its weights may not fit it. Load that dataset (Data view).`;
  }
  return null;
}

/** The epochs field as a count of 1 or more, or the message shown beside it. */
export function parseMoreEpochs(text: string): { epochs: number; error: null } | { epochs: null; error: string } {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (Number.isInteger(value) && value >= 1) return { epochs: value, error: null };
  return {
    epochs: null,
    error: `Enter a whole number of epochs, 1 or more${text.trim() === '' ? '' : ` (not ${text.trim()})`}.`,
  };
}

/** JSON with object keys sorted, so settings compare by value whatever order they were edited in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** What was edited since the run started ('network', 'training settings', 'data settings'); continuing uses the run's own. */
export function changedSince(
  run: ContinuableRun,
  current: { spec: NetworkSpec; settings: DatasetSettings | null },
): string[] {
  const changed: string[] = [];
  if (canonical(run.spec.layers) !== canonical(current.spec.layers)) changed.push('network');
  const withoutEpochs = (t: NetworkSpec['training']) => ({ ...t, epochs: undefined });
  if (canonical(withoutEpochs(run.spec.training)) !== canonical(withoutEpochs(current.spec.training)))
    changed.push('training settings');
  if (current.settings && canonical(run.settings) !== canonical(current.settings)) changed.push('data settings');
  return changed;
}

function list(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The lines that say what continuing `run` for `more` epochs does beyond picking up where it ended. */
export function continueNotes(run: ContinuableRun, more: number | null, changed: readonly string[]): string[] {
  const notes: string[] = [];
  const done = run.history.length;
  if (changed.length) {
    notes.push(
      `The ${list(changed)} changed since ${run.name}; continuing uses ${run.name}'s own, which its weights fit. Start training for a run with the new ones.`,
    );
  }
  const es = run.spec.training?.earlyStopping;
  if (
    run.stopReason === 'earlyStopping' &&
    es &&
    es.restoreBestWeights !== false &&
    run.bestEpoch > 0 &&
    run.bestEpoch < done
  ) {
    notes.push(
      `It goes on from the weights of epoch ${run.bestEpoch} (the best, which early stopping kept), counting from epoch ${done + 1}.`,
    );
  }
  if (run.spec.training?.schedule?.type === 'cosine' && more !== null) {
    notes.push(
      `The cosine schedule is spread over all ${done + more} epochs, so the learning rate rises again at epoch ${done + 1}.`,
    );
  }
  return notes;
}
