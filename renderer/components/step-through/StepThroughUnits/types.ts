import type { WireStepTrace } from '../../../../engine/protocol/index.ts';
import type { Connection } from '../../../state/step-through.svelte.ts';
import type { ColumnView, StepColumn } from '../../../lib/step-through-model.ts';
import type { StepLayout } from '../StepThroughDrawing/layout.ts';

/** Props of StepThroughUnits: the drawing's column titles and neurons, with their value boxes and labels. */
export interface StepThroughUnitsProps {
  trace: WireStepTrace;
  columns: readonly StepColumn[];
  views: readonly ColumnView[];
  layout: StepLayout;
  /** Which traced row the neurons show. */
  row: number;
  /** Narrow gaps: value boxes show only their first line. */
  isCompact: boolean;
  selected: Connection | null;
}
