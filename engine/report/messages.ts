/** Catalog of report messages: what is wrong, where, and what would work. */
import type { Problem } from '../errors.ts';

/** Builders for every report problem, keyed by stable code. */
export const reportMessages = {
  noTarget: (target: string, file: string): Problem => ({
    code: 'report/no-target-column',
    path: `column '${target}'`,
    message:
      `'${file}' has no column '${target}', the model's target, so the report has nothing to evaluate the predictions` +
      ` against. Use a labelled CSV with a '${target}' column (the test rows you held out).`,
  }),
  noRows: (file: string): Problem => ({
    code: 'report/no-rows',
    path: 'data',
    message: `'${file}' has no data rows, so there is nothing to evaluate. Use a CSV with labelled rows.`,
  }),
  trainingRows: (file: string, scored: number, trained: number, test: number): Problem => ({
    code: 'report/training-rows',
    path: 'data',
    message:
      `'${file}' has as many scored rows (${scored}) as the model's training file, so it is probably that file:` +
      ` ${trained} of its rows were used in training, so the report's scores are inflated. For scores on unseen rows,` +
      ` train with --split-out DIR and report on DIR/test.csv (the ${test} held-out rows).`,
  }),
};
