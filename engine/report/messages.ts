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
};
