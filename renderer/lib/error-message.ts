/** The words of whatever a `catch` caught. */

/** The message of a thrown value: an Error's message, anything else as text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
