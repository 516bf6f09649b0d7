/** The time budget of "Find a good network", read from its text box. */
import { autoMessages, BUDGET_LIMITS } from './auto-messages.ts';

/** The budget a text box holds: the seconds to search (null: none, `problem` says why) and a note when capped. */
export interface BudgetReading {
  seconds: number | null;
  /** Why there is no budget (shown beside the box; the button stays disabled). */
  problem: string | null;
  /** A budget above the limit is capped; this says so. */
  note: string | null;
}

/** Read the budget box: a number of seconds from BUDGET_LIMITS.min; above BUDGET_LIMITS.max it is capped. */
export function readBudget(text: string): BudgetReading {
  const t = text.trim();
  if (t === '') return { seconds: null, problem: autoMessages.budgetEmpty(), note: null };
  const v = Number(t);
  if (!Number.isFinite(v)) return { seconds: null, problem: autoMessages.budgetNotNumber(t), note: null };
  if (v < BUDGET_LIMITS.min) return { seconds: null, problem: autoMessages.budgetTooSmall(v), note: null };
  if (v > BUDGET_LIMITS.max) return { seconds: BUDGET_LIMITS.max, problem: null, note: autoMessages.budgetCapped(v) };
  return { seconds: v, problem: null, note: null };
}

/** While searching the bar stops here: the refit of the best network is still to come. */
export const SEARCH_CAP = 0.95;

/** While refitting the bar stops here: the run's model is still to be built and loaded. */
const REFIT_CAP = 0.99;

/** Where "Find a good network" is, for its progress bar. */
export interface AutoProgressInput {
  phase: 'idle' | 'searching' | 'retraining' | 'done' | 'cancelled' | 'failed';
  elapsedMs: number;
  budgetMs: number;
  /** 0–1 of the budget the search had used when it ended (where the refit's part of the bar starts). */
  searchShare: number;
  /** The refit's progress in its current epoch (null before its first report). */
  refit: { epoch: number; epochs: number; batch: number; batches: number } | null;
}

/**
 * How far "Find a good network" is, 0–1, search and refit together: while searching, the budget's time used
 * (at most SEARCH_CAP); while refitting, from the search's share on by the refit's epochs; 1 once the refitted
 * network is loaded as a run; null when no search is going or done.
 */
export function autoFraction(i: AutoProgressInput): number | null {
  const share = (ms: number) => Math.min(SEARCH_CAP, Math.max(0, ms / Math.max(1, i.budgetMs)));
  switch (i.phase) {
    case 'searching':
      return share(i.elapsedMs);
    case 'retraining': {
      const r = i.refit;
      const done = r ? Math.min(1, (r.epoch - 1 + r.batch / Math.max(1, r.batches)) / Math.max(1, r.epochs)) : 0;
      const from = Math.min(SEARCH_CAP, i.searchShare);
      // 1 only once the run is loaded ('done')
      return Math.min(REFIT_CAP, from + (1 - from) * done);
    }
    case 'done':
      return 1;
    default:
      return null;
  }
}
