/**
 * The target column a freshly loaded table starts with: the sample's known target; else the last column
 * that can be predicted (used by default, and not a date or free text — dates cannot be targets, so a file
 * ending in a date column should not open on an error); else the last usable column; else the last column.
 */
import type { TableInfo } from '../../engine/protocol.ts';

const NOT_A_TARGET: ReadonlySet<string> = new Set(['datetime', 'identifier', 'text']);

export function defaultTarget(table: TableInfo, hint: string | null): string | null {
  if (hint && table.columns.some((c) => c.name === hint)) return hint;
  const usable = table.columns.filter((c) => c.exclusion === null);
  const predictable = usable.filter((c) => !NOT_A_TARGET.has(c.type));
  return (predictable.at(-1) ?? usable.at(-1) ?? table.columns.at(-1))?.name ?? null;
}
