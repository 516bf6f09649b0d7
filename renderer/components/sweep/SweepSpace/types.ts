import type { Sweep } from '../../../state/sweep.svelte.ts';

/** Props of SweepSpace: the search-space editor and the Start/Stop buttons. */
export interface SweepSpaceProps {
  sweep: Sweep;
}
