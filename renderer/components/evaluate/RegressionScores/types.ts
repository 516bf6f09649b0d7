import type { RegressionEvaluation } from '../../../../engine/protocol/index.ts';

/** Props of RegressionScores: a regressor's headline numbers on the test split. */
export interface RegressionScoresProps {
  evaluation: RegressionEvaluation;
  /** The target column's name, for the units of the errors. */
  target: string;
}
