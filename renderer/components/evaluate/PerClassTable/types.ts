import type { ClassificationEvaluation } from '../../../../engine/protocol/index.ts';

/** Props of PerClassTable: precision, recall, F1 and rows of each class on the test split. */
export interface PerClassTableProps {
  perClass: ClassificationEvaluation['perClass'];
}
