/**
 * The search space being edited on the Sweep tab: parameter rows over the current model's and
 * training settings' fields, the strategy and its settings, and the engine's check of it all. The editor
 * writes a search-space file (the format the CLI reads), so the engine's messages land beside the fields
 * by their paths.
 */
import type { Problem, SpaceJson, Task, TrainingSpec } from '../../engine/protocol/index.ts';
import {
  defaultConcurrency,
  directionOf,
  objectiveMetrics,
  SPACE_FORMAT,
  SPACE_VERSION,
  type Direction,
  type DistributionName,
  type StrategyName,
} from '../../engine/protocol/index.ts';
import { sweepFields, type SweepField } from '../lib/sweep-fields.ts';
import { draftFor, draftJson, withDistribution, type ParamDraft } from '../lib/sweep-drafts.ts';
import type { DatasetState } from './dataset.svelte.ts';
import type { NetworkEditor } from './network-editor.svelte.ts';
import type { SpaceDraft } from './sweep-record.ts';

/** What the search-space editor reads of the project (the project passes itself; this module never imports it). */
export interface SpaceSource {
  readonly dataset: Pick<DatasetState, 'summary'>;
  readonly check: { readonly task: Task | null } | null;
  readonly network: Pick<NetworkEditor, 'allLayers'>;
  readonly training: TrainingSpec;
}

/** Objective metrics in words. */
export const METRIC_LABELS: Readonly<Record<string, string>> = {
  valAccuracy: 'Validation accuracy',
  valLoss: 'Validation loss',
  accuracy: 'Training accuracy',
  loss: 'Training loss',
  valR2: 'Validation R²',
  valMae: 'Validation MAE',
  valRmse: 'Validation RMSE',
  r2: 'Training R²',
  mae: 'Training MAE',
  rmse: 'Training RMSE',
};

/** Cores of this machine, as the browser reports them. */
export function cores(): number {
  return typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
}

/** The prefix of a parameter's problems in the engine's paths. */
export function paramPrefix(path: string): string {
  return `parameters[${JSON.stringify(path)}]`;
}

/** Which box of a row a problem path points at. */
export type RowPart = 'row' | 'min' | 'max' | 'values';

/** The part of a row a problem is about (its path starts with the row's prefix). */
export function rowPart(problemPath: string, prefix: string): RowPart {
  const rest = problemPath.slice(prefix.length);
  if (rest.startsWith('.min')) return 'min';
  if (rest.startsWith('.max')) return 'max';
  if (rest.startsWith('.values')) return 'values';
  return 'row';
}

/** An engine message about a row, said about the row's boxes rather than the file's paths. */
export function rowMessage(message: string, prefix: string): string {
  const esc = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const text = message
    .replace(new RegExp(`^${esc}: `), '')
    .replace(new RegExp(`${esc}\\.values\\[(\\d+)\\]`, 'g'), (_m, i: string) => `value ${Number(i) + 1}`)
    .replace(new RegExp(`${esc}\\.(min|max|values|distribution)`, 'g'), (_m, part: string) =>
      part === 'distribution' ? 'the distribution' : part,
    )
    .replace(new RegExp(`${esc}\\.log`, 'g'), 'log scale')
    .replace(new RegExp(esc, 'g'), 'this parameter');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The Sweep tab's search-space editor. */
export class SweepSpace {
  readonly #project: SpaceSource;
  params = $state<ParamDraft[]>([]);
  strategy = $state<StrategyName>('random');
  trials = $state('12');
  /** '' follows the project's seed. */
  seed = $state('');
  /** '' is cores − 1 (at least 1). */
  concurrency = $state('');
  /** '' is the task's default (validation accuracy or R²). */
  metric = $state('');
  /** '' follows the metric (accuracy and R² are maximized, losses and errors minimized). */
  direction = $state<Direction | ''>('');
  #nextKey = 1;
  #seeded = false;

  constructor(project: SpaceSource) {
    this.#project = project;
  }

  readonly task = $derived.by<Task | null>(
    () => this.#project.dataset.summary?.task ?? this.#project.check?.task ?? null,
  );
  readonly fields = $derived.by<SweepField[]>(() =>
    sweepFields(this.#project.network.allLayers, this.#project.training),
  );
  readonly metrics = $derived<string[]>(objectiveMetrics(this.task ?? { kind: 'classification', classes: [] }));
  readonly effectiveMetric = $derived(
    this.metric && this.metrics.includes(this.metric) ? this.metric : (this.metrics[0] ?? 'valAccuracy'),
  );
  readonly effectiveDirection = $derived<Direction>(
    this.direction || directionOf(this.effectiveMetric as Parameters<typeof directionOf>[0]),
  );
  readonly defaultConcurrency = $derived(defaultConcurrency(cores()));
  readonly defaultSeed = $derived.by(() => this.#project.training.seed ?? 42);
  /** Fields not searched yet, for the "Add parameter" menu. */
  readonly available = $derived(this.fields.filter((f) => !this.params.some((p) => p.path === f.path)));

  /** The search-space file the engine checks and runs. */
  readonly json = $derived.by<SpaceJson>(() => ({
    format: SPACE_FORMAT,
    version: SPACE_VERSION,
    strategy: this.strategy,
    trials: this.#whole(this.trials, 1),
    seed: this.#whole(this.seed, this.defaultSeed),
    objective: { metric: this.effectiveMetric, direction: this.effectiveDirection },
    parameters: Object.fromEntries(this.params.map((p) => [p.path, draftJson(p)])),
  }));
  /** The concurrency to ask for; null: the default. */
  readonly concurrencyValue = $derived(this.concurrency.trim() === '' ? null : Number(this.concurrency));

  /** A text box's number, the fallback when empty (the engine reports anything else as it is). */
  #whole(text: string, fallback: number): number {
    return text.trim() === '' ? fallback : Number(text);
  }

  /** Start with the learning rate and the hidden layers' units: the two that matter most, usually. */
  seedDefaults(): void {
    if (this.#seeded || this.params.length) return;
    this.#seeded = true;
    for (const path of ['training.optimizer.learningRate', 'layers[*dense].units']) {
      const f = this.fields.find((x) => x.path === path);
      if (f) this.params.push(draftFor(f, this.#nextKey++));
    }
  }

  /** Add a row searching `path` (a catalog field, or any path typed by the user). */
  add(path: string): void {
    const field = this.fields.find((f) => f.path === path) ?? {
      path,
      start: { distribution: 'uniform' as const, min: 0, max: 1 },
    };
    this.params.push(draftFor(field, this.#nextKey++));
  }

  remove(key: number): void {
    this.params = this.params.filter((p) => p.key !== key);
  }

  /** Change a row's texts. */
  update(key: number, patch: Partial<Pick<ParamDraft, 'min' | 'max' | 'values' | 'log'>>): void {
    const i = this.params.findIndex((p) => p.key === key);
    const p = this.params[i];
    if (p) this.params[i] = { ...p, ...patch };
  }

  setDistribution(key: number, distribution: DistributionName): void {
    const i = this.params.findIndex((p) => p.key === key);
    const p = this.params[i];
    if (p) this.params[i] = withDistribution(p, distribution);
  }

  setMetric(metric: string): void {
    this.metric = metric;
    this.direction = '';
  }

  /** Plain data for the project file. */
  toDraft(): SpaceDraft {
    return {
      params: $state.snapshot(this.params),
      strategy: this.strategy,
      trials: this.trials,
      seed: this.seed,
      concurrency: this.concurrency,
      metric: this.metric,
      direction: this.direction,
    };
  }

  /** Take the editor's state from a project file (or start afresh with null). */
  restore(d: SpaceDraft | null): void {
    this.params = d?.params ?? [];
    this.#nextKey = Math.max(0, ...this.params.map((p) => p.key)) + 1;
    this.#seeded = d !== null;
    this.strategy = d?.strategy ?? 'random';
    this.trials = d?.trials ?? '12';
    this.seed = d?.seed ?? '';
    this.concurrency = d?.concurrency ?? '';
    this.metric = d?.metric ?? '';
    this.direction = d?.direction ?? '';
  }

  /** Problems of one row (by its path), and of the settings. */
  rowProblems(problems: readonly Problem[], path: string): Problem[] {
    const prefix = paramPrefix(path);
    return problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`));
  }
}
