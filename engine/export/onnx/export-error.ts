/** A model that cannot be exported in the asked format, with what to change. */
import { UserError } from '../../errors.ts';

/** Thrown by the exporters; the CLI prints its message on one line. */
export class ExportError extends UserError {
  constructor(code: string, message: string, path = '') {
    super({ code, path, message }, 'ExportError');
  }
}
