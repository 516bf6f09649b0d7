/** The engine's "Find a good network" preset for the loaded data: its search-space file and base network. */
import { autoSweep, type DatasetSummary, type NetworkSpec } from '../../engine/protocol/index.ts';
import type { TableInfo, TrainingSpec } from '../../engine/protocol/index.ts';

/** What the preset is made from: the data as the engine summarised it, the table's profile, the project's seed. */
export interface PresetInput {
  summary: Pick<DatasetSummary, 'task' | 'featureNames' | 'rows'>;
  table: Pick<TableInfo, 'columns'>;
  target: string;
  seed: number;
  /** The project's backend choice, for the trials (absent: the engine's default). */
  backend: TrainingSpec['backend'];
  budgetSeconds: number;
}

/**
 * Rows of each class among the training + validation rows, from the target column's category counts (scaled by
 * that share of the rows), so the preset deals no more folds than the rarest class fills; undefined when the
 * profile does not count every class (a numeric target, or more classes than it lists).
 */
export function classCountsOf(i: Omit<PresetInput, 'seed' | 'backend' | 'budgetSeconds'>): number[] | undefined {
  const task = i.summary.task;
  if (task.kind !== 'classification') return undefined;
  const counts = new Map(
    i.table.columns.find((c) => c.name === i.target)?.topCategories.map((c) => [c.value, c.count]),
  );
  const { train, validation, test } = i.summary.rows;
  const share = (train + validation) / Math.max(1, train + validation + test);
  const out = task.classes.map((c) => counts.get(c));
  return out.every((n) => n !== undefined) ? out.map((n) => Math.floor((n ?? 0) * share)) : undefined;
}

/** The preset's space and network; the network keeps the project's seed (so the data split is the project's) and backend. */
export function autoPreset(i: PresetInput): { space: Record<string, unknown>; spec: NetworkSpec } {
  const { train, validation } = i.summary.rows;
  const classCounts = classCountsOf(i);
  const { space, spec } = autoSweep({
    task: i.summary.task,
    inputs: i.summary.featureNames.length,
    rows: train + validation,
    ...(classCounts ? { classCounts } : {}),
    seed: i.seed,
    budgetSeconds: i.budgetSeconds,
  });
  const training = i.backend ? { ...spec.training, backend: i.backend } : spec.training;
  return { space: { ...space }, spec: { ...spec, training } };
}
