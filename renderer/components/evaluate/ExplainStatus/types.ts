import type { ExplainJob } from '../../../state/why.svelte.ts';

/** Props of ExplainStatus: a running explanation's progress and Cancel, or why it has no result. */
export interface ExplainStatusProps {
  job: ExplainJob<unknown>;
  /** What is computed, for the progress bar's name ("Importance"). */
  label: string;
  /** The steps counted, for the progress text ("shuffles"). */
  unit: string;
  /** Compute it again (after a cancel or an error). */
  onretry: () => void;
}
