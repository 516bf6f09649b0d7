import type { Sweep } from '../../../state/sweep.svelte.ts';

/** Props of SweepTable: the live, sortable trial table (rows the chart's brushes keep). */
export interface SweepTableProps {
  sweep: Sweep;
  /** Apply a trial's configuration to the model. */
  onuse: (trial: number) => void;
}

/** What the table is sorted by: rank (the engine's order), a column, or a parameter path. */
export type SortKey =
  'rank' | 'trial' | 'status' | 'objective' | 'epochs' | 'bracket' | 'rung' | 'duration' | `param:${string}`;
