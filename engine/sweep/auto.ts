/**
 * "Find a good network" (`train --auto`, the Model view's button): one search-space file and base network
 * that every host runs as an ordinary sweep. TPE over depth (0 = a linear model), width, activation, dropout,
 * batch norm after each hidden layer, L2, learning rate, batch size and (classification) class weights; each trial cross-validated on the training +
 * validation rows for small and mid-sized data; the default network and a linear baseline enqueued as the
 * first two trials, so the leaderboard shows both beside the winner; a time budget ends the search.
 */
import { defaultSpec, SPEC_FORMAT, SPEC_VERSION, type LayerSpec, type NetworkSpec, type Task } from '../spec/index.ts';
import { SPACE_FORMAT, SPACE_VERSION, type EnqueuedTrial, type ParamValue } from './types.ts';

/** Upper bound of trials: the time budget, not this number, normally ends the search. */
export const AUTO_TRIALS = 500;
/** Labels of the enqueued trials. */
export const AUTO_LABELS = { defaults: 'default network', linear: 'linear baseline' } as const;

/** A search-space file's parameter, as JSON. */
type ParameterJson =
  | { distribution: 'uniform' | 'logUniform'; min: number; max: number }
  | { distribution: 'int'; min: number; max: number; log?: boolean }
  | { distribution: 'choice'; values: ParamValue[] };

/** The search-space file of the auto search (the format of engine/sweep/README.md), ready for `parseSearchSpace` or `sweep/start`. */
export interface AutoSpaceJson {
  format: typeof SPACE_FORMAT;
  version: typeof SPACE_VERSION;
  strategy: 'tpe';
  trials: number;
  seed: number;
  objective: { metric: 'valLoss' | 'valR2'; direction: 'minimize' | 'maximize' };
  parameters: Record<string, ParameterJson>;
  tpe: { initialTrials: number };
  folds?: number;
  budgetSeconds: number;
  enqueue: EnqueuedTrial[];
}

/** What the auto search needs to know about the data. */
export interface AutoSweepOptions {
  task: Task;
  /** Number of features (the network's inputs). */
  inputs: number;
  /** Training + validation rows (what the folds are dealt from). */
  rows: number;
  /** Classification: rows of each class among them (folds need 2 of every class per fold). */
  classCounts?: readonly number[];
  seed: number;
  /** The whole budget, search and refit: the host ends the search early enough to refit (auto-budget.ts). */
  budgetSeconds: number;
}

/** Folds per trial: 5 below 2,000 rows, 3 below 10,000, none above (one validation split is then large enough), and only as many as the rarest class allows. */
export function autoFolds(rows: number, classCounts?: readonly number[]): number | null {
  const wanted = rows < 2000 ? 5 : rows < 10000 ? 3 : 0;
  const fewest = classCounts?.length ? Math.min(...classCounts) : rows;
  const k = Math.min(wanted, Math.floor(fewest / 2));
  return k >= 2 ? k : null;
}

/** Epochs a trial may train (early stopping on the held-out loss ends most trials sooner). */
function autoEpochs(rows: number): number {
  return Math.max(40, Math.min(300, Math.round(30000 / Math.max(1, Math.ceil(rows / 32)))));
}

/** The default network with a dropout layer after each hidden layer (rate 0 where it had none), trained with early stopping. */
function autoBaseSpec(o: AutoSweepOptions): NetworkSpec {
  const d = defaultSpec(o.task, o.inputs, 'simple', o.rows);
  const layers: LayerSpec[] = [];
  d.layers.forEach((l, i) => {
    layers.push(l);
    const next = d.layers[i + 1];
    if (l.type === 'dense' && l.id !== 'output' && next && next.type !== 'dropout')
      layers.push({ id: `dropout-${l.id.replace(/^dense-/, '')}`, type: 'dropout', rate: 0 });
  });
  return {
    format: SPEC_FORMAT,
    version: SPEC_VERSION,
    name: 'Auto network',
    layers,
    training: {
      ...d.training,
      epochs: autoEpochs(o.rows),
      seed: o.seed,
      earlyStopping: { monitor: 'valLoss', patience: 20, restoreBestWeights: true },
    },
  };
}

/** The auto search: its search-space file and base network. */
export function autoSweep(o: AutoSweepOptions): { space: AutoSpaceJson; spec: NetworkSpec } {
  const classification = o.task.kind === 'classification';
  const parameters: Record<string, ParameterJson> = {
    hiddenLayers: { distribution: 'int', min: 0, max: 3 },
    'layers[*dense].units': { distribution: 'int', min: 16, max: 256, log: true },
    'layers[*dense].activation': { distribution: 'choice', values: ['relu', 'elu', 'tanh'] },
    'layers[*dropout].rate': { distribution: 'uniform', min: 0, max: 0.4 },
    batchNorm: { distribution: 'choice', values: [false, true] },
    'layers[*dense].l2': { distribution: 'logUniform', min: 1e-6, max: 0.03 },
    'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.0003, max: 0.01 },
    'training.batchSize': { distribution: 'choice', values: [16, 32, 64] },
    ...(classification
      ? { 'training.classWeight': { distribution: 'choice' as const, values: ['none', 'balanced'] } }
      : {}),
  };
  const folds = autoFolds(o.rows, o.classCounts);
  return {
    space: {
      format: SPACE_FORMAT,
      version: SPACE_VERSION,
      strategy: 'tpe',
      trials: AUTO_TRIALS,
      seed: o.seed,
      objective: classification
        ? { metric: 'valLoss', direction: 'minimize' }
        : { metric: 'valR2', direction: 'maximize' },
      parameters,
      tpe: { initialTrials: 8 },
      ...(folds === null ? {} : { folds }),
      budgetSeconds: o.budgetSeconds,
      enqueue: [
        { label: AUTO_LABELS.defaults, params: {} },
        { label: AUTO_LABELS.linear, params: { hiddenLayers: 0, 'training.optimizer.learningRate': 0.01 } },
      ],
    },
    spec: autoBaseSpec(o),
  };
}
