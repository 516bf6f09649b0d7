/** Data-quality warnings of a profile: left-out columns, missing data, cardinality, imbalance, duplicates, leaks, scales. */
import type { Problem } from '../../errors.ts';
import { rangeLeak } from './class-leaks.ts';
import { DISTINCT_LIMIT } from './column-types.ts';
import { DEFAULT_MAX_CATEGORIES } from './column-use.ts';
import { categoryView, strayText } from './column-values.ts';
import type { Duplicates } from './duplicates.ts';
import { messages } from '../messages.ts';
import type { ColumnProfile, TargetProfile } from './profile-types.ts';
import type { ParsedTable, TableColumn } from './table.ts';

/** A class this many times rarer than the most common one is reported. */
const IMBALANCE_RATIO = 5;
/** Feature ranges this many times apart are "wildly different" when scaling is off. */
const SCALE_RATIO = 100;
/** |correlation| at least this high between a number column and a numeric target is a likely leak. */
const LEAK_CORRELATION = 0.9999;

/** How `col` predicts a class target perfectly, or null. Only few-valued columns count (a unique id trivially "predicts"). */
function categoricalLeak(table: ParsedTable, col: TableColumn, target: TableColumn): string | null {
  const nonMissing = table.rows - col.summary.missing;
  if (col.summary.distinct < 2 || col.summary.distinct > Math.min(DISTINCT_LIMIT, nonMissing / 2)) return null;
  const x = categoryView(col, table.rows);
  const y = categoryView(target, table.rows);
  const classOf = new Int32Array(x.labels.length).fill(-1);
  for (let i = 0; i < table.rows; i++) {
    const a = x.codes[i]!;
    const b = y.codes[i]!;
    if (a < 0 || b < 0) continue;
    if (classOf[a] === -1) classOf[a] = b;
    else if (classOf[a] !== b) return null;
  }
  return `each of its ${x.labels.length} values goes with a single class`;
}

/** How a number column predicts a numeric target perfectly (|r| ≈ 1), or null. */
function numericLeak(table: ParsedTable, col: TableColumn, target: TableColumn): string | null {
  let n = 0,
    sx = 0,
    sy = 0,
    sxx = 0,
    syy = 0,
    sxy = 0;
  for (let i = 0; i < table.rows; i++) {
    const x = col.numbers[i]!;
    const y = target.numbers[i]!;
    if (x !== x || y !== y) continue;
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
  }
  const cov = sxy - (sx * sy) / n;
  const r = cov / Math.sqrt((sxx - (sx * sx) / n) * (syy - (sy * sy) / n));
  return n > 2 && Math.abs(r) >= LEAK_CORRELATION ? `correlation ${r.toFixed(4)}` : null;
}

/** Class labels that are the same apart from upper and lower case ('Setosa', 'setosa'), in groups of two or more. */
export function caseOnlyGroups(labels: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const label of labels) {
    const key = label.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(label);
    else groups.set(key, [label]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

function targetWarnings(table: ParsedTable, target: TableColumn, profile: TargetProfile, out: Problem[]): void {
  if (target.summary.missing === table.rows) out.push(messages.targetAllMissing(target.name));
  if (profile.task === null)
    out.push(messages.targetUnusable(target.name, target.inferred.exclusion ?? 'it is not a class or a number'));
  const classes = profile.classes;
  const sameButCase = caseOnlyGroups(classes.map((c) => c.value));
  if (sameButCase.length > 0) out.push(messages.caseOnlyClasses(target.name, sameButCase));
  if (classes.length >= 2) {
    const common = classes[0]!;
    const rare = classes[classes.length - 1]!;
    if (rare.count * IMBALANCE_RATIO <= common.count)
      out.push(messages.classImbalance(target.name, rare.value, rare.count, common.value, common.count));
  }
  if (profile.task === 'classification' && classes.length === 1)
    out.push(messages.targetOneClass(target.name, classes[0]!.value));
  const classCodes = profile.task === 'classification' ? categoryView(target, table.rows).codes : null;
  for (const col of table.columns) {
    if (col === target || col.inferred.exclusion) continue;
    const isNumber = col.inferred.type === 'numeric' || col.inferred.type === 'integer';
    const how = classCodes
      ? categoricalLeak(table, col, target)
      : profile.task === 'regression' && col.summary.numbers > 0
        ? numericLeak(table, col, target)
        : null;
    const byRange = !how && classCodes && isNumber ? rangeLeak(col, classCodes, classes.length) : null;
    if (how) out.push(messages.leak(col.name, target.name, how));
    else if (byRange) out.push(messages.rangeLeak(col.name, target.name, byRange));
  }
}

function scaleWarning(columns: readonly ColumnProfile[], target: TableColumn | null, out: Problem[]): void {
  const ranges = columns
    .filter(
      (c) => (c.type === 'numeric' || c.type === 'integer') && !c.exclusion && c.name !== target?.name && c.max > c.min,
    )
    .map((c) => ({ name: c.name, range: c.max - c.min }))
    .sort((a, b) => a.range - b.range);
  const small = ranges[0];
  const large = ranges[ranges.length - 1];
  if (small && large && large.range >= SCALE_RATIO * small.range)
    out.push(messages.scaleSpread(small.name, small.range, large.name, large.range));
}

/** Every data-quality warning for a profiled table. */
export function profileWarnings(
  table: ParsedTable,
  columns: readonly ColumnProfile[],
  target: TableColumn | null,
  targetProfile: TargetProfile | null,
  duplicates: Duplicates,
  preprocess: boolean,
): Problem[] {
  const out: Problem[] = [];
  table.columns.forEach((col, i) => {
    const p = columns[i]!;
    if (col === target) return;
    if (p.exclusion)
      out.push(
        col.inferred.isConstant
          ? messages.constantColumn(col.name, p.exclusion)
          : messages.excludedColumn(col.name, p.exclusion),
      );
    const share = p.missing / table.rows;
    if (share > 0.5 && share < 1) out.push(messages.highMissing(col.name, share));
    if (p.type === 'categorical' && p.distinct > DEFAULT_MAX_CATEGORIES)
      out.push(messages.highCardinality(col.name, p.distinct, DEFAULT_MAX_CATEGORIES));
    if (p.strayText > 0) {
      const stray = strayText(col, table.rows, table.lineNumbers, p.type === 'datetime');
      out.push(messages.strayText(col.name, stray.count, stray.examples, false, p.type === 'datetime'));
    }
  });
  if (duplicates.count > 0)
    out.push(messages.duplicateRows(duplicates.count, duplicates.firstLine, duplicates.ignored));
  if (target && targetProfile) targetWarnings(table, target, targetProfile, out);
  if (!preprocess) scaleWarning(columns, target, out);
  return out;
}
