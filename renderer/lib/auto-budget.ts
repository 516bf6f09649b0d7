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
