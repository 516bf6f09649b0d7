/** Catalog of the messages about a search space's run settings: cross-validation folds, the time budget and enqueued trials. */
import type { Problem } from '../errors.ts';
import { paramPath } from './messages.ts';

const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ');
const show = (v: unknown): string =>
  typeof v === 'string' ? `'${v}'` : v === undefined ? 'nothing' : JSON.stringify(v);

/** Builders for the problems of `folds`, `budgetSeconds` and `enqueue`, keyed by stable code. */
export const settingMessages = {
  foldsWithHalving: (strategy: string): Problem => ({
    code: 'sweep/folds-strategy',
    path: 'folds',
    message: `folds cannot be used with the '${strategy}' strategy: it compares trials part-way through training, on one validation split. Use 'tpe' or 'random' with folds, or remove folds.`,
  }),
  tooFewFoldRows: (folds: number, rows: number, cls: string | null, total: number): Problem => {
    const most = Math.floor(rows / 2);
    const what =
      cls === null
        ? `there are only ${rows} training + validation rows`
        : `class '${cls}' has ${rows} of the ${total} training + validation rows`;
    return {
      code: 'sweep/folds-too-few-rows',
      path: 'folds',
      message: `folds is ${folds}, but ${what}; each fold needs at least 2 rows${cls === null ? '' : ' of every class'} (${2 * folds} for ${folds} folds). ${most >= 2 ? `Set folds to ${most} or less, or leave it out.` : 'Leave folds out.'}`,
    };
  },
  enqueueNotList: (got: unknown): Problem => ({
    code: 'sweep/enqueue-not-list',
    path: 'enqueue',
    message: `enqueue must be a list of trials to run first, e.g. [{ "label": "linear baseline", "params": { "hiddenLayers": 0 } }], got ${show(got)}.`,
  }),
  enqueueLabel: (path: string, got: unknown): Problem => ({
    code: 'sweep/out-of-range',
    path,
    message: `${path} must be a non-empty text, got ${show(got)}.`,
  }),
  enqueueNoParams: (path: string): Problem => ({
    code: 'sweep/not-object',
    path,
    message: `${path} must be an object of values by parameter path, e.g. { "hiddenLayers": 0 } ({} runs the base network as it is).`,
  }),
  enqueueUnknownParameter: (at: string, key: string, known: readonly string[]): Problem => ({
    code: 'sweep/enqueue-unknown-parameter',
    path: `${at}.params[${JSON.stringify(key)}]`,
    message: `${at}.params[${JSON.stringify(key)}]: '${key}' is not a parameter of this space. Parameters: ${list(known)}. Add it to parameters or remove it here.`,
  }),
  enqueueOutsideSpace: (at: string, key: string, got: unknown, allowed: string): Problem => ({
    code: 'sweep/enqueue-outside-space',
    path: `${at}.params[${JSON.stringify(key)}]`,
    message: `${at}.params[${JSON.stringify(key)}] is ${show(got)}, which ${paramPath(key)} cannot draw: it takes ${allowed}. Use such a value, or widen the parameter.`,
  }),
  enqueueInvalidNetwork: (at: string, inner: string): Problem => ({
    code: 'sweep/enqueue-invalid-network',
    path: `${at}.params`,
    message: `${at}.params make the network invalid: ${inner} Change these values.`,
  }),
  enqueueTooMany: (enqueued: number, trials: number): Problem => ({
    code: 'sweep/enqueue-too-many',
    path: 'enqueue',
    message: `enqueue lists ${enqueued} trials, but the sweep runs only ${trials} (trials). Raise trials to at least ${enqueued}, or enqueue fewer.`,
  }),
  enqueueStrategy: (strategy: string): Problem => ({
    code: 'sweep/enqueue-strategy',
    path: 'enqueue',
    message: `enqueue works with the 'random' and 'tpe' strategies, not '${strategy}'. Choose one of them, or remove enqueue.`,
  }),
  optunaFolds: (folds: number): Problem => ({
    code: 'sweep/optuna-folds',
    path: 'folds',
    message: `folds is ${folds}, but an Optuna study's train.py scores each trial on one validation split. Remove folds to export the study, or run the sweep here.`,
  }),
  optunaIgnored: (fields: readonly string[]): string =>
    `${fields.join(' and ')} ${fields.length > 1 ? 'are' : 'is'} not part of the exported study: it runs its number of trials whatever the time, all drawn by its sampler (Optuna's study.enqueue_trial adds fixed ones).`,
};
