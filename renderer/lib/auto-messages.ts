/**
 * The messages of "Find a good network" (the Model view's budgeted search), in one catalog: what is wrong, where,
 * and how to fix it.
 */
import { formatNumber } from './format.ts';

/** Fewest and most seconds a search may take (the CLI's `--budget` takes the same range). */
export const BUDGET_LIMITS = { min: 5, max: 86_400 } as const;

/** The messages of the "Find a good network" form and its notices. */
export const autoMessages = {
  budgetEmpty: (): string =>
    `Time budget is empty. Enter the seconds the search may take, from ${BUDGET_LIMITS.min} to ${BUDGET_LIMITS.max.toLocaleString('en-US')} (60 is a good start).`,
  budgetNotNumber: (text: string): string =>
    `Time budget “${text.length > 40 ? `${text.slice(0, 40)}…` : text}” is not a number of seconds. Enter a number from ${BUDGET_LIMITS.min} to ${BUDGET_LIMITS.max.toLocaleString('en-US')}, such as 60.`,
  budgetTooSmall: (seconds: number): string =>
    `Time budget ${formatNumber(seconds)} s is too short: a search needs at least ${BUDGET_LIMITS.min} s to train a few networks. Enter ${BUDGET_LIMITS.min} or more.`,
  budgetCapped: (seconds: number): string =>
    `Time budget ${formatNumber(seconds)} s is more than the ${BUDGET_LIMITS.max.toLocaleString('en-US')} s (24 hours) a search may take; the search will stop at ${BUDGET_LIMITS.max.toLocaleString('en-US')} s.`,
  noData: (): string => 'Load a dataset and choose its target column on the Data view first.',
  runActive: (name: string): string => `${name} is training. Stop it or wait for it to finish, then search.`,
  sweepActive: (): string =>
    'A sweep is running (Train view, Sweep tab). Stop it or wait for it to finish, then search.',
  searching: (): string => 'A search is running. Cancel it on the Train view’s Sweep tab, or wait for it to finish.',
  started: (seconds: number): string =>
    `Finding a good network within ${formatNumber(seconds)} s: searching until what is left is what refitting the best network will take (measured from the trials), then refitting it. The trials appear on the Sweep tab as they start.`,
  refitting: (): string => 'Refitting the best network on training + validation rows…',
  noTrial: (): string =>
    'No trial of the search finished, so there is no network to load. Look at the failures in the Sweep table, or give the search a larger time budget.',
  cancelled: (finished: number): string =>
    `Search cancelled. ${finished === 0 ? 'No trial had finished' : finished === 1 ? 'The finished trial stays on the Sweep tab' : `The ${finished} finished trials stay on the Sweep tab`}; your network and runs are unchanged.`,
  retrainCancelled: (name: string): string =>
    `Stopped “${name}”. The trials stay on the Sweep tab; Retrain best on train+validation trains it again.`,
  retrainFailed: (message: string): string => `The best network could not be retrained: ${message}`,
  defaultKept: (best: string, score: string): string =>
    `The search’s best, ${best} (${score}), was not ahead of the default network by more than the noise of the folds (one standard error), so the default network is kept.`,
  retrainBlocked: (): string =>
    'A run started meanwhile, so the best network was not retrained. When it ends, press Retrain best on train+validation on the Sweep tab.',
  notApplied: (trial: number, message: string): string =>
    `Trial ${trial}'s network could not be put on the Model view: ${message} Use best on the Sweep tab tries again.`,
  winner: (winner: string, score: string, baseline: string | null, metric: string): string =>
    `Chosen: ${winner}, validation ${metric} ${score}${baseline === null ? '' : ` (linear baseline ${baseline})`}. It is retrained on the training and validation rows as the current run, and the Model view has its network (Undo restores yours).`,
} as const;
