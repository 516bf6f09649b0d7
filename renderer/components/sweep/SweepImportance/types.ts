import type { Sweep } from '../../../state/sweep.svelte.ts';

/** Props of SweepImportance: how much each parameter explains the objective (the engine's measure). */
export interface SweepImportanceProps {
  sweep: Sweep;
}
