/** Decides the target, the task and the feature columns (with their types) from a table and the user's settings. */
import { DatasetError, type Problem } from '../../errors.ts';
import { cellLabel } from '../reading/column-values.ts';
import { DISTINCT_LIMIT } from '../reading/column-types.ts';
import { inferTask, MAX_ENCODED_CATEGORIES } from '../reading/column-use.ts';
import { messages } from '../messages.ts';
import type { ColumnSettings, DatasetSettings, LeftOutColumn } from './settings.ts';
import type { ColumnType, ParsedTable, TableColumn } from '../reading/table.ts';

/** One column used as a feature. */
export interface FeaturePlan {
  column: TableColumn;
  type: ColumnType;
  settings: ColumnSettings;
}

/** The target, the task and the features. */
export interface ColumnPlan {
  target: TableColumn;
  task: 'classification' | 'regression';
  features: FeaturePlan[];
  /** Every other column, in table order. */
  leftOut: LeftOutColumn[];
}

function firstText(col: TableColumn, table: ParsedTable): { value: string; row: number } {
  for (let i = 0; i < table.rows; i++) {
    if (col.codes && col.codes[i]! >= 0) return { value: cellLabel(col, i) ?? '', row: table.lineNumbers[i]! };
  }
  return { value: '', row: 0 };
}

/** Problems with forcing `type` on a column; empty when it fits. */
function checkType(col: TableColumn, type: ColumnType, table: ParsedTable): Problem[] {
  const s = col.summary;
  const bad = (reason: string): Problem[] => [messages.badColumnType(col.name, type, reason)];
  if ((type === 'numeric' || type === 'integer') && s.numbers === 0) {
    const t = firstText(col, table);
    return bad(`it has no numbers (row ${t.row} is '${t.value}')`);
  }
  if (type === 'datetime' && s.dates === 0) return bad('none of its values is a date like 2024-01-31');
  if (type === 'boolean' && col.inferred.type !== 'boolean' && s.distinct > 2)
    return bad(
      `it has ${s.distinct > DISTINCT_LIMIT ? 'thousands of' : s.distinct} different values, and a boolean has two`,
    );
  if (type === 'categorical' && (s.vocabularyOverflow || s.distinct > MAX_ENCODED_CATEGORIES)) {
    return [messages.tooManyCategories(col.name)];
  }
  return [];
}

function resolveTarget(table: ParsedTable, settings: DatasetSettings): TableColumn {
  const names = table.columns.map((c) => c.name);
  const byRole = Object.entries(settings.columns ?? {}).find(([, c]) => c.role === 'target')?.[0];
  const name = settings.target || byRole;
  if (!name) throw new DatasetError(messages.noTarget(names));
  const target = table.columns.find((c) => c.name === name);
  if (!target) throw new DatasetError(messages.targetMissing(name, names));
  if (target.summary.missing === table.rows) throw new DatasetError(messages.targetAllMissing(name));
  return target;
}

/** The target, task and feature columns; throws `DatasetError` listing every problem found. */
export function planColumns(table: ParsedTable, settings: DatasetSettings): ColumnPlan {
  const names = table.columns.map((c) => c.name);
  const problems: Problem[] = [];
  const known = new Set(names);
  for (const name of Object.keys(settings.columns ?? {})) {
    if (!known.has(name)) problems.push(messages.unknownColumn(name, `columns.${name}`, names));
  }
  if (problems.length) throw new DatasetError(problems);
  const target = resolveTarget(table, settings);
  const targetType = settings.columns?.[target.name]?.type ?? target.inferred.type;
  const inferred = inferTask(target, targetType);
  const task = settings.task ?? (typeof inferred === 'string' ? inferred : null);
  if (task === null)
    throw new DatasetError(messages.targetUnusable(target.name, (inferred as { reason: string }).reason));
  if (task === 'regression' && target.summary.numbers === 0) {
    const t = firstText(target, table);
    throw new DatasetError(messages.targetNotNumeric(target.name, t.value, t.row));
  }
  const features: FeaturePlan[] = [];
  const leftOut: LeftOutColumn[] = [];
  for (const column of table.columns) {
    if (column === target) continue;
    const s = settings.columns?.[column.name] ?? {};
    const role = s.role ?? (column.inferred.exclusion ? 'ignore' : 'feature');
    if (role !== 'feature') {
      leftOut.push({
        column: column.name,
        reason: s.role === undefined ? column.inferred.exclusion! : `its role is set to ${s.role}`,
      });
      continue;
    }
    let type = s.type ?? column.inferred.type;
    if (type === 'identifier' || type === 'text') type = 'categorical';
    const typeProblems = checkType(column, type, table);
    problems.push(...typeProblems);
    if (typeProblems.length === 0) features.push({ column, type, settings: s });
  }
  if (problems.length) throw new DatasetError(problems);
  if (features.length === 0) {
    const reasons = table.columns
      .filter((c) => c !== target && c.inferred.exclusion)
      .map((c) => `'${c.name}': ${c.inferred.exclusion}`);
    throw new DatasetError(messages.noFeatures(target.name, reasons.slice(0, 3)));
  }
  return { target, task, features, leftOut };
}
