import type { WireError } from '../../../../engine/protocol/index.ts';

/** Props of ErrorMessage: an engine error with each of its problems listed. */
export interface ErrorMessageProps {
  error: WireError;
  /** Heading above the problems, e.g. "This file could not be read". */
  title?: string;
}
