import type { Problem } from '../../../../engine/protocol/index.ts';

/** Props of FieldError: the engine's problem with one field, shown under it; nothing when there is none. */
export interface FieldErrorProps {
  problem: Problem | undefined;
  /** The message's element id, for the field's `aria-describedby`. */
  id?: string;
}
