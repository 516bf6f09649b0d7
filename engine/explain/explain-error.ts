/** The error a bad explanation setting raises (repeats, steps, rows, baseline). */
import { UserError, type Problem } from '../errors.ts';

/** An explanation was asked for with settings that cannot work; `path` names the setting. */
export class ExplainError extends UserError {
  constructor(problems: readonly Problem[] | Problem) {
    super(problems, 'ExplainError');
  }
}
