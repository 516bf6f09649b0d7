/** The data-quality warnings the dataset panel lists: the table's, then the current settings', each once. */
import type { Problem } from '../../../engine/protocol.ts';

/**
 * Warnings that follow the column settings rather than the file: preparing repeats them for the columns
 * that are features, so the table's copy (about every column, whatever its role) is not shown.
 */
const FOLLOWS_SETTINGS: ReadonlySet<string> = new Set(['data/high-missing']);

/**
 * The table's warnings (reading and profile) and the prepared settings' (`prepared`, null while none are
 * prepared): a warning both give shows once, and one about missing values shows only while its column is
 * a feature, so ignoring a column takes its "84% missing" away.
 */
export function panelWarnings(table: readonly Problem[], prepared: readonly Problem[] | null): Problem[] {
  const fromPrepare = prepared ?? [];
  const key = (w: Problem): string => `${w.code}\u0000${w.path}\u0000${w.message}`;
  const shown = new Set(fromPrepare.map(key));
  const fromTable = table.filter((w) => !shown.has(key(w)) && !(prepared && FOLLOWS_SETTINGS.has(w.code)));
  return [...fromTable, ...fromPrepare];
}
