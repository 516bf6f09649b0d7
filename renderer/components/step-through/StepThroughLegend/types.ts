import type { GapView } from '../../../lib/step-through-model.ts';

/** Props of StepThroughLegend: what the connection colours mean at this stage. */
export interface StepThroughLegendProps {
  /** What the stage's connections show (`idle` reads as weights). */
  kind: GapView['kind'];
}
