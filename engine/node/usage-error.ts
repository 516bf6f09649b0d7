/** Errors in how the CLI was called (bad flag, missing file), shown as one line without a stack trace. */
import { UserError } from '../errors.ts';

/** A CLI usage problem. */
export class UsageError extends UserError {
  constructor(code: string, message: string, path = '') {
    super({ code, path, message }, 'UsageError');
  }
}
