/** The error a bad search space or sweep setting raises. */
import { UserError, type Problem } from '../errors.ts';

/** A search space or sweep setting is invalid; `problems` lists every one with its path. */
export class SweepError extends UserError {
  constructor(problems: readonly Problem[] | Problem) {
    super(problems, 'SweepError');
  }
}
