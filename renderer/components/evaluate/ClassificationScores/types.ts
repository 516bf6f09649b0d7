import type { ClassificationEvaluation } from '../../../../engine/protocol/index.ts';

/** Props of ClassificationScores: a classifier's headline numbers on the test split. */
export interface ClassificationScoresProps {
  evaluation: ClassificationEvaluation;
}
