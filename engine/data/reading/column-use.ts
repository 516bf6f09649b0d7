/**
 * How a column can be used, as far as reading it tells: the task it implies as a target, and the category limits
 * that the profile warns about and preparing enforces. Here, not in preparing/, so reading never imports preparing.
 */
import type { ColumnType, TableColumn } from './table.ts';

/** An integer target with at most this many distinct values is read as classes. */
export const MAX_INTEGER_CLASSES = 10;
/** Most categories a column may have to be one-hot or ordinal encoded at all. */
export const MAX_ENCODED_CATEGORIES = 1000;
/** Default of `DatasetSettings.maxCategories`: one-hot categories per column; the rarer ones share "other". */
export const DEFAULT_MAX_CATEGORIES = 20;

/** The task a target column implies, or the reason it cannot be a target. */
export function inferTask(col: TableColumn, type: ColumnType): 'classification' | 'regression' | { reason: string } {
  if (type === 'categorical' || type === 'boolean') return 'classification';
  if (type === 'integer' && col.summary.distinct <= MAX_INTEGER_CLASSES) return 'classification';
  if (type === 'numeric' || type === 'integer') return 'regression';
  if (type === 'datetime') return { reason: 'it holds dates' };
  return { reason: col.inferred.exclusion ?? `it looks like ${type === 'text' ? 'free text' : 'an identifier'}` };
}
