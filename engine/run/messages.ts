/** The run pipeline's messages: what went wrong, where, and what to do. */
import type { Problem } from '../errors.ts';

/** Message catalog of engine/run. */
export const runMessages = {
  noTestRows: (): Problem => ({
    code: 'data/no-test-rows',
    path: 'split',
    message:
      'The test split has no rows, so there is nothing to evaluate. Set a test fraction above 0 and train again.',
  }),
  refit: (epochs: number, trainRows: number, validationRows: number): string =>
    `Early stopping chose ${epochs} epoch${epochs === 1 ? '' : 's'}; training the final model afresh on the training and ` +
    `validation rows together (${trainRows + validationRows} rows) for ${epochs} epoch${epochs === 1 ? '' : 's'}. Its validation ` +
    `rows are now training rows, so judge it by the test split. Set training.refit to false to keep the early-stopped model.`,
  noPreprocessing: (): Problem => ({
    code: 'run/no-preprocessing',
    path: 'preprocessing',
    message:
      'This model was saved without its preprocessing, so it cannot read CSV rows. Train it again in Backprop Studio.',
  }),
};
