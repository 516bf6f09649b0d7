import { describe, expect, it } from 'vitest';
import { readBudget } from './auto-budget.ts';

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
