/** A model that cannot be exported in the asked format, with what to change. */
import { UserError, type Problem } from '../../errors.ts';

/** Thrown by the exporters; the CLI prints its message on one line. Takes a catalog problem, or its fields. */
export class ExportError extends UserError {
  constructor(problem: Problem | string, message = '', path = '') {
    super(typeof problem === 'string' ? { code: problem, path, message } : problem, 'ExportError');
  }
}
