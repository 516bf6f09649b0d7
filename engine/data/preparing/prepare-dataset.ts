/** Table + settings → training-ready splits and the fitted preprocessing, all fitted on the train split. */
import { DatasetError, type Problem } from '../../errors.ts';
import { isMissingCell, strayText } from '../reading/column-values.ts';
import { createEncoder, encodeRows, transformNames, type FeatureEncoder } from './encode-features.ts';
import { fitFeature } from './fit-features.ts';
import { caseOnlyGroups } from '../reading/profile-warnings.ts';
import { messages } from '../messages.ts';
import { planColumns, type ColumnPlan } from './plan-columns.ts';
import { PREPROCESSING_FORMAT, preprocessingVersionOf, type Preprocessing } from './preprocessing.ts';
import { withMissingValues } from './remark-missing.ts';
import { DEFAULT_MAX_CATEGORIES } from '../reading/column-use.ts';
import { DEFAULT_SPLIT, type DatasetSettings, type PreparedDataset, type Split } from './settings.ts';
import { splitRows, timeSplit } from './split.ts';
import type { ParsedTable, TableColumn } from '../reading/table.ts';
import { encodeTarget, fitTarget, readTarget, taskOf, type TargetValues } from './target.ts';

/** A column this much missing gets a warning. */
const HIGH_MISSING_SHARE = 0.5;

/** Warns about (or refuses) text in number and date columns, which is then read as missing. */
function checkStrayText(table: ParsedTable, plan: ColumnPlan, settings: DatasetSettings, warnings: Problem[]): void {
  const refuse = settings.strayText === 'error';
  const problems: Problem[] = [];
  const checked = plan.features.filter((f) => f.type === 'numeric' || f.type === 'integer' || f.type === 'datetime');
  for (const f of checked) {
    const stray = strayText(f.column, table.rows, table.lineNumbers, f.type === 'datetime');
    if (stray.count > 0)
      (refuse ? problems : warnings).push(
        messages.strayText(f.column.name, stray.count, stray.examples, refuse, f.type === 'datetime'),
      );
  }
  if (plan.task === 'regression') {
    const stray = strayText(plan.target, table.rows, table.lineNumbers);
    if (stray.count > 0)
      (refuse ? problems : warnings).push(messages.strayText(plan.target.name, stray.count, stray.examples, refuse));
  }
  if (problems.length) throw new DatasetError(problems);
}

/** Rows with a usable target and no missing value in a column whose strategy is `drop`. */
function usableRows(table: ParsedTable, plan: ColumnPlan, target: TargetValues, warnings: Problem[]): Int32Array {
  const keep = new Uint8Array(table.rows).fill(1);
  const missingTarget: number[] = [];
  let missingTargetCount = 0;
  for (let i = 0; i < table.rows; i++) {
    if (target.values[i] === target.values[i]) continue;
    keep[i] = 0;
    if (missingTarget.length < 3) missingTarget.push(table.lineNumbers[i]!);
    missingTargetCount++;
  }
  if (missingTargetCount > 0)
    warnings.push(messages.targetRowsDropped(plan.target.name, missingTargetCount, missingTarget));
  for (const f of plan.features) {
    if (f.settings.missing !== 'drop') continue;
    let dropped = 0;
    for (let i = 0; i < table.rows; i++) {
      if (keep[i] && isMissingCell(f.column, i)) {
        keep[i] = 0;
        dropped++;
      }
    }
    if (dropped > 0) warnings.push(messages.rowsDropped(f.column.name, dropped));
  }
  const rows: number[] = [];
  for (let i = 0; i < table.rows; i++) if (keep[i]) rows.push(i);
  if (rows.length === 0 && missingTargetCount < table.rows) throw new DatasetError(messages.allRowsDropped());
  if (rows.length < 2) throw new DatasetError(messages.tooFewRows(rows.length));
  return Int32Array.from(rows);
}

/** The caller's rows for each split, keeping only usable rows (a missing target drops a row). */
function explicitSplit(
  given: NonNullable<DatasetSettings['rows']>,
  usable: Int32Array,
): { train: Int32Array; validation: Int32Array; test: Int32Array } {
  const ok = new Set(usable);
  const keep = (r: Int32Array) => r.filter((i) => ok.has(i));
  const split = { train: keep(given.train), validation: keep(given.validation), test: keep(given.test) };
  if (split.train.length < 1) throw new DatasetError(messages.tooFewRows(split.train.length));
  return split;
}

/** The date column a time-ordered split sorts by: the one named, else the first date feature, else the first date column that varies. */
function timeColumn(table: ParsedTable, plan: ColumnPlan, settings: DatasetSettings): TableColumn {
  const dated = table.columns.filter((c) => c.inferred.type === 'datetime' && c.dates);
  const name =
    settings.timeColumn ??
    plan.features.find((f) => f.type === 'datetime')?.column.name ??
    dated.find((c) => !c.inferred.isConstant)?.name;
  const column = name === undefined ? undefined : table.columns.find((c) => c.name === name);
  if (name !== undefined && !column)
    throw new DatasetError(
      messages.unknownColumn(
        name,
        'timeColumn',
        table.columns.map((c) => c.name),
      ),
    );
  if (!column || !column.dates)
    throw new DatasetError(
      messages.noTimeColumn(
        name ?? null,
        dated.map((c) => c.name),
      ),
    );
  return column;
}

/** Warns when a split was asked for but too few rows were left to hold any out. */
function noteEmptyHoldout(
  asked: { validation: number; test: number },
  split: { validation: Int32Array; test: Int32Array },
  rows: number,
  warnings: Problem[],
): void {
  const empty = [
    ...(asked.validation > 0 && split.validation.length === 0 ? ['validation' as const] : []),
    ...(asked.test > 0 && split.test.length === 0 ? ['test' as const] : []),
  ];
  if (empty.length > 0) warnings.push(messages.noHoldout(rows, empty));
}

function makeSplit(
  encoders: readonly FeatureEncoder[],
  pre: Preprocessing,
  target: TargetValues,
  rowIndices: Int32Array,
): Split {
  const x = encodeRows(encoders, rowIndices);
  return {
    x,
    y: encodeTarget(pre.target, target, rowIndices),
    rows: rowIndices.length,
    features: pre.featureNames.length,
    rowIndices,
  };
}

/**
 * Prepares a table for training: picks target, task and features, splits the rows (stratified for
 * classification, seeded), fits fills, scales and category lists on the train split, and encodes all splits.
 */
export function prepareDataset(input: ParsedTable, settings: DatasetSettings, seed: number): PreparedDataset {
  const table = settings.missingValues?.length ? withMissingValues(input, settings.missingValues) : input;
  if (table.rows < 2) throw new DatasetError(messages.tooFewRows(table.rows));
  const plan = planColumns(table, settings);
  const warnings: Problem[] = [];
  checkStrayText(table, plan, settings, warnings);
  const first = readTarget(plan.target, table.rows, plan.task);
  const rows = usableRows(table, plan, first, warnings);
  const target =
    plan.task === 'classification' ? readTarget(plan.target, table.rows, plan.task, undefined, rows) : first;
  if (target.classes && target.classes.length < 2) {
    throw new DatasetError(messages.targetOneClass(plan.target.name, target.classes[0] ?? ''));
  }
  // the profile says so too; training repeats it, since it changes what is learned
  const sameButCase = target.classes ? caseOnlyGroups(target.classes) : [];
  if (sameButCase.length > 0) warnings.push(messages.caseOnlyClasses(plan.target.name, sameButCase));
  const labels = target.classes ? Float64Array.from(rows, (r) => target.values[r]!) : null;
  const fractions = settings.split ?? DEFAULT_SPLIT;
  const split = settings.rows
    ? explicitSplit(settings.rows, rows)
    : settings.splitOrder === 'time'
      ? timeSplit(rows, timeColumn(table, plan, settings).dates!, fractions)
      : splitRows(rows, labels, fractions, seed);
  if (!settings.rows) noteEmptyHoldout(fractions, split, rows.length, warnings);
  const dated = plan.features.find((f) => f.type === 'datetime');
  const holdsOut = fractions.validation + fractions.test > 0;
  if (!settings.rows && settings.splitOrder !== 'time' && holdsOut && dated)
    warnings.push(messages.randomSplitWithDates(dated.column.name));
  const options = {
    preprocess: settings.preprocess ?? true,
    maxCategories: settings.maxCategories ?? DEFAULT_MAX_CATEGORIES,
  };
  const features = plan.features.map((f) => fitFeature(f, table.rows, split.train, options));
  const preprocessing: Preprocessing = {
    format: PREPROCESSING_FORMAT,
    version: preprocessingVersionOf(features),
    target: fitTarget(plan.target.name, target, split.train, options.preprocess),
    features,
    featureNames: features.flatMap(transformNames),
    missingValues: [...table.missingValues],
    preprocess: options.preprocess,
  };
  plan.features.forEach((f, i) => {
    const share = f.column.summary.missing / table.rows;
    if (share <= HIGH_MISSING_SHARE) return;
    const t = features[i]!;
    const ownCategory = (t.kind === 'oneHot' || t.kind === 'ordinal') && t.fill.strategy === 'constant';
    warnings.push(
      ownCategory
        ? messages.highMissingCategory(f.column.name, share, t.categories[t.fill.value] ?? '')
        : messages.highMissing(f.column.name, share),
    );
  });
  const encoders = features.map((t, i) => createEncoder(t, plan.features[i]!.column, table.rows));
  return {
    task: taskOf(preprocessing.target),
    featureNames: preprocessing.featureNames,
    train: makeSplit(encoders, preprocessing, target, split.train),
    validation: makeSplit(encoders, preprocessing, target, split.validation),
    test: makeSplit(encoders, preprocessing, target, split.test),
    preprocessing,
    reading: table.reading,
    leftOut: plan.leftOut,
    warnings,
  };
}
