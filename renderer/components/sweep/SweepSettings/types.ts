import type { Sweep } from '../../../state/sweep.svelte.ts';

/** Props of SweepSettings: the sweep's strategy, trials, concurrency, seed and objective, with the strategy's hint. */
export interface SweepSettingsProps {
  sweep: Sweep;
}
