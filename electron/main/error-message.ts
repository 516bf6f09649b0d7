/** The words of whatever a `catch` caught, for a dialog or a reply. */

/** The message of a thrown value: an Error's message, anything else as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
