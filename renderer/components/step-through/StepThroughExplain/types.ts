import type { WireStepTrace } from '../../../../engine/protocol/index.ts';
import type { ColumnView, Stage, StepColumn } from '../../../lib/step-through-model.ts';

/** Props of StepThroughExplain: what happens at this stage, in words and the engine's numbers. */
export interface StepThroughExplainProps {
  trace: WireStepTrace;
  columns: readonly StepColumn[];
  views: readonly ColumnView[];
  stage: Stage;
  /** Which traced row the neurons show. */
  row: number;
}
