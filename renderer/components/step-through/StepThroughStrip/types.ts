import type { StepGradientScale } from '../../../../engine/protocol/index.ts';

/** Props of StepThroughStrip: per-layer gradient sizes on a log scale, with the engine's note. */
export interface StepThroughStripProps {
  scales: readonly StepGradientScale[];
  note: string | null;
}
