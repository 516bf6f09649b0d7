import type { ExplainJob } from '../../../state/why.svelte.ts';

/** Props of ExplainStatus: a running explanation's progress and Cancel, or why it has no result. */
export interface ExplainStatusProps {
  job: ExplainJob<unknown>;
  /** What is computed, for the progress bar's name ("Importance"). */
  label: string;
  /** The steps counted, for the progress text ("shuffles"); null: the text is a percentage. */
  unit: string | null;
  /** What a failure's title says cannot be done (default: "{label} could not be computed"). */
  failed?: string;
  /** Compute it again (after a cancel or an error). */
  onretry: () => void;
}
