import type { WireStepTrace } from '../../../../engine/protocol/index.ts';
import type { Connection } from '../../../state/step-through.svelte.ts';
import type { ColumnView, GapView, Stage, StepColumn } from '../../../lib/step-through-model.ts';

/** Props of StepThroughDrawing: the network at one stage of the step, with values on neurons and connections. */
export interface StepThroughDrawingProps {
  trace: WireStepTrace;
  columns: readonly StepColumn[];
  views: readonly ColumnView[];
  gaps: readonly GapView[];
  stage: Stage;
  /** Which traced row the neurons show. */
  row: number;
  selected: Connection | null;
  onselect: (connection: Connection) => void;
}
