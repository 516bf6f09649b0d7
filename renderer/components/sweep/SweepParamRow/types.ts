import type { ParamDraft } from '../../../lib/sweep-drafts.ts';
import type { Sweep } from '../../../state/sweep.svelte.ts';

/** Props of SweepParamRow: one parameter of the search space (distribution, range, current value) and its problems. */
export interface SweepParamRowProps {
  sweep: Sweep;
  /** The parameter this row edits. */
  draft: ParamDraft;
}
