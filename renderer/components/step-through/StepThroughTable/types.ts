import type { ColumnView, StepColumn } from '../../../lib/step-through-model.ts';

/** Props of StepThroughTable: every value of the stage as tables, one per column of the drawing. */
export interface StepThroughTableProps {
  columns: readonly StepColumn[];
  views: readonly ColumnView[];
}
