/**
 * The target column a freshly loaded table starts with, and whether a target looks doubtful. A target can
 * be predicted (not a date, free text or an identifier, not left out) and is mostly present; the last such
 * column is the convention. When the last column is not one, a column named like a target (`species`,
 * `label`, …) is preferred to the last good column, and the app says why it did not take the last column.
 */
import type { ColumnInfo, TableInfo } from '../../engine/protocol/index.ts';

/** More missing than this and a column is a doubtful target: most rows would be dropped. */
const MOST_MISSING = 0.5;
/** A class column with more distinct values than this is a doubtful target. */
const MANY_CLASSES = 100;
/** Names (any case) that usually mean "the column to predict". */
const TARGET_NAMES: ReadonlySet<string> = new Set([
  'target',
  'label',
  'labels',
  'class',
  'y',
  'outcome',
  'species',
  'diagnosis',
  'result',
  'survived',
  'cultivar',
  'digit',
  'quality',
]);

/** A sentence: several words ending in `.`, `!` or `?` ("Nest never observed with full clutch."). */
function isSentence(text: string): boolean {
  return /[.!?]$/.test(text) && text.trim().split(/\s+/).length >= 3;
}

/** Why `column` (of a table of `rows` rows) is a doubtful target, as a clause; null when it looks fine. */
function targetProblem(column: ColumnInfo, rows: number): string | null {
  if (column.type === 'datetime') return 'it holds dates';
  if (column.exclusion) return column.exclusion;
  if (column.type === 'text') return 'it looks like free text';
  if (column.type === 'identifier') return 'it looks like an identifier';
  const share = rows > 0 ? column.missing / rows : 0;
  if (share > MOST_MISSING) return `${Math.round(share * 100)}% of its values are missing`;
  const top = column.topCategories;
  if (
    column.type === 'categorical' &&
    top.length > 0 &&
    top.filter((c) => isSentence(c.value)).length * 2 > top.length
  ) {
    return 'its values look like free text (sentences)';
  }
  if (column.type === 'categorical' && column.distinct > MANY_CLASSES)
    return `it has ${column.distinct.toLocaleString('en-US')} different values, too many classes`;
  return null;
}

/** The default target and, when it is doubtful, a sentence saying why (shown by the app). */
export interface TargetChoice {
  name: string | null;
  doubt: string | null;
}

/** The target a table starts with (no sample hint): see the file comment. */
export function chooseTarget(table: TableInfo): TargetChoice {
  const last = table.columns.at(-1);
  if (!last) return { name: null, doubt: null };
  const lastProblem = targetProblem(last, table.rows);
  if (lastProblem === null) return { name: last.name, doubt: null };
  const good = table.columns.filter((c) => targetProblem(c, table.rows) === null);
  const named = good.find((c) => TARGET_NAMES.has(c.name.trim().toLowerCase()));
  const chosen = named ?? good.at(-1);
  if (chosen) {
    const why = named ? 'by its name' : 'as the last column that can be one';
    return {
      name: chosen.name,
      doubt: `The last column, '${last.name}', is not used as the target because ${lastProblem}; '${chosen.name}' was chosen ${why}. Choose the column you want to predict.`,
    };
  }
  const fallback = table.columns.filter((c) => c.exclusion === null).at(-1) ?? last;
  return {
    name: fallback.name,
    doubt: `No column looks like a target, so '${fallback.name}' was chosen. Choose the column you want to predict.`,
  };
}

/** The target a freshly loaded table starts with: the sample's known target `hint`, else `chooseTarget`. */
export function defaultTarget(table: TableInfo, hint: string | null): string | null {
  if (hint && table.columns.some((c) => c.name === hint)) return hint;
  return chooseTarget(table).name;
}

/**
 * What the app says about the current `target`: why it looks doubtful (mostly missing, free text, …), or why
 * the default was not the last column; null when there is nothing to say.
 */
export function targetNote(table: TableInfo, target: string): string | null {
  const column = table.columns.find((c) => c.name === target);
  if (!column) return null;
  const problem = targetProblem(column, table.rows);
  if (problem) return `'${target}' may not be a good target: ${problem}. Choose the column you want to predict.`;
  const choice = chooseTarget(table);
  return choice.name === target ? choice.doubt : null;
}
