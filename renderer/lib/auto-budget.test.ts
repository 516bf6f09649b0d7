import { describe, expect, it } from 'vitest';
import { autoFraction, readBudget, type AutoProgressInput } from './auto-budget.ts';

describe('the time budget of "Find a good network"', () => {
  it('takes seconds from 5 up, and caps what is over 24 hours with a note', () => {
    expect(readBudget('60')).toEqual({ seconds: 60, problem: null, note: null });
    expect(readBudget(' 7.5 ')).toEqual({ seconds: 7.5, problem: null, note: null });
    expect(readBudget('86400').seconds).toBe(86_400);
    expect(readBudget('100000')).toEqual({
      seconds: 86_400,
      problem: null,
      note: 'Time budget 100,000 s is more than the 86,400 s (24 hours) a search may take; the search will stop at 86,400 s.',
    });
  });

  it('refuses what is not a budget, saying what was typed and what to type', () => {
    expect(readBudget('0')).toEqual({
      seconds: null,
      problem: 'Time budget 0 s is too short: a search needs at least 5 s to train a few networks. Enter 5 or more.',
      note: null,
    });
    expect(readBudget('-1').problem).toBe(
      'Time budget -1 s is too short: a search needs at least 5 s to train a few networks. Enter 5 or more.',
    );
    expect(readBudget('abc').problem).toBe(
      'Time budget “abc” is not a number of seconds. Enter a number from 5 to 86,400, such as 60.',
    );
    expect(readBudget('Infinity').problem).toBe(
      'Time budget “Infinity” is not a number of seconds. Enter a number from 5 to 86,400, such as 60.',
    );
    expect(readBudget('   ').problem).toBe(
      'Time budget is empty. Enter the seconds the search may take, from 5 to 86,400 (60 is a good start).',
    );
    // A pasted wall of text is not echoed whole.
    expect(readBudget('x'.repeat(200_000)).problem).toBe(
      `Time budget “${'x'.repeat(40)}…” is not a number of seconds. Enter a number from 5 to 86,400, such as 60.`,
    );
  });
});

describe('the progress of "Find a good network", search and refit together', () => {
  const at = (o: Partial<AutoProgressInput>): number | null =>
    autoFraction({ phase: 'searching', elapsedMs: 0, budgetMs: 30_000, searchShare: 0, refit: null, ...o });

  it('follows the budget while searching, and stops at 0.95 there: the refit is still to come', () => {
    expect(at({ elapsedMs: 0 })).toBe(0);
    expect(at({ elapsedMs: 15_000 })).toBe(0.5);
    expect(at({ elapsedMs: 29_000 })).toBe(0.95);
    expect(at({ elapsedMs: 45_000 })).toBe(0.95);
  });

  it("goes on from the search's share by the refit's epochs, reaching 1 only when the run is loaded", () => {
    const refit = (epoch: number, batch: number) => ({ epoch, epochs: 10, batch, batches: 4 });
    expect(at({ phase: 'retraining', searchShare: 0.8 })).toBe(0.8);
    // epoch 3 of 10, half through: 2.5 of 10 epochs done → 0.8 + 0.2 × 0.25
    expect(at({ phase: 'retraining', searchShare: 0.8, refit: refit(3, 2) })).toBeCloseTo(0.85, 10);
    // the last batch trained, the model not yet loaded
    expect(at({ phase: 'retraining', searchShare: 0.8, refit: refit(10, 4) })).toBe(0.99);
    // a search that overran its budget starts the refit's part at 0.95, not past it
    expect(at({ phase: 'retraining', searchShare: 1.2 })).toBe(0.95);
    expect(at({ phase: 'done', searchShare: 0.8 })).toBe(1);
  });

  it('shows no progress before a search, and none for one cancelled or failed', () => {
    for (const phase of ['idle', 'cancelled', 'failed'] as const) expect(at({ phase })).toBeNull();
  });
});
