import type { Sweep } from '../../../state/sweep.svelte.ts';
import type { TrialView } from '../../../state/sweep-trials.ts';

/** Props of SweepTableBody: the trial table's rows, in the order given, with each failed trial's message. */
export interface SweepTableBodyProps {
  sweep: Sweep;
  /** The trials to show, sorted. */
  rows: readonly TrialView[];
  /** The searched parameter paths, one column each. */
  params: readonly string[];
  /** Parameters whose values are all numbers (right-aligned). */
  numeric: ReadonlySet<string>;
  hasRungs: boolean;
  hasBrackets: boolean;
  /** How many columns the table has, for the rows that span it. */
  columns: number;
  /** Whether the chart's brushes hide some trials (changes the empty message). */
  isFiltered: boolean;
  /** Apply a trial's configuration to the model. */
  onuse: (trial: number) => void;
}
