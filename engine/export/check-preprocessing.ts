/**
 * Validation of a model file's stored preprocessing: every field the transforms use is checked, so a
 * hand-edited or damaged file is refused on load (with the path of each problem) instead of predicting
 * nonsense. Fields the engine does not use are left alone.
 */
import { DATE_PARTS, PREPROCESSING_FORMAT, PREPROCESSING_VERSION } from '../data/index.ts';
import type { Problem } from '../errors.ts';
import { isRecord } from '../spec/fields.ts';
import type { Task } from '../spec/types.ts';
import { modelFileMessages } from './messages.ts';

const FEATURE_KINDS = ['number', 'boolean', 'oneHot', 'ordinal', 'datetime'] as const;
const SCALINGS = ['standardize', 'minMax', 'none'] as const;
const show = (v: unknown): string => (v === undefined ? 'missing' : (JSON.stringify(v) ?? String(v)));

/** Collects problems under `preprocessing.…` paths. */
class Checker {
  constructor(readonly problems: Problem[]) {}

  add(path: string, message: string): void {
    const at = path ? `preprocessing.${path}` : 'preprocessing';
    this.problems.push(modelFileMessages.badPreprocessing(at, message));
  }

  finite(obj: Record<string, unknown>, key: string, path: string, positive = false): void {
    this.finiteAt(obj[key], `${path}.${key}`, positive);
  }

  finiteAt(v: unknown, path: string, positive = false): void {
    if (typeof v !== 'number' || !Number.isFinite(v) || (positive && v <= 0)) {
      this.add(
        path,
        `must be a finite number${positive ? ' > 0' : ''}, got ${show(v)}.${positive ? ' A scale of 0 would make every value the same: train the model again.' : ''}`,
      );
    }
  }

  labels(obj: Record<string, unknown>, key: string, path: string): string[] | null {
    const v = obj[key];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      this.add(`${path}.${key}`, `must be a list of texts, got ${show(v)}.`);
      return null;
    }
    const twice = (v as string[]).find((x, i) => v.indexOf(x) !== i);
    if (twice === undefined) return v as string[];
    this.add(`${path}.${key}`, `lists '${twice}' twice; each label must appear once.`);
    return null;
  }
}

function checkFill(c: Checker, f: Record<string, unknown>, path: string): void {
  if (!isRecord(f.fill)) return c.add(`${path}.fill`, `must be { strategy, value, indicator }, got ${show(f.fill)}.`);
  c.finite(f.fill, 'value', `${path}.fill`);
  if (typeof f.fill.indicator !== 'boolean')
    c.add(`${path}.fill.indicator`, `must be true or false, got ${show(f.fill.indicator)}.`);
}

function checkScaling(c: Checker, f: Record<string, unknown>, path: string): void {
  if (!(SCALINGS as readonly unknown[]).includes(f.scaling))
    c.add(`${path}.scaling`, `must be one of ${SCALINGS.map((s) => `'${s}'`).join(', ')}, got ${show(f.scaling)}.`);
}

/** Encoded inputs a feature gives (null when unknown), after checking it. */
function checkFeature(c: Checker, f: unknown, path: string): number | null {
  if (!isRecord(f)) {
    c.add(path, `must be an object describing one column's transform, got ${show(f)}.`);
    return null;
  }
  if (typeof f.column !== 'string') c.add(`${path}.column`, `must be the column's name, got ${show(f.column)}.`);
  if (!(FEATURE_KINDS as readonly unknown[]).includes(f.kind)) {
    c.add(`${path}.kind`, `must be one of ${FEATURE_KINDS.map((k) => `'${k}'`).join(', ')}, got ${show(f.kind)}.`);
    return null;
  }
  checkFill(c, f, path);
  const extra = isRecord(f.fill) && f.fill.indicator === true ? 1 : 0;
  switch (f.kind) {
    case 'number':
    case 'ordinal':
      if (f.kind === 'ordinal') c.labels(f, 'categories', path);
      checkScaling(c, f, path);
      c.finite(f, 'center', path);
      c.finite(f, 'scale', path, true);
      return 1 + extra;
    case 'boolean':
      c.labels(f, 'positive', path);
      c.labels(f, 'negative', path);
      return 1 + extra;
    case 'oneHot': {
      const categories = c.labels(f, 'categories', path);
      if (typeof f.hasOther !== 'boolean') c.add(`${path}.hasOther`, `must be true or false, got ${show(f.hasOther)}.`);
      return categories ? categories.length + (f.hasOther === true ? 1 : 0) + extra : null;
    }
    case 'datetime': {
      const parts = f.parts;
      if (!Array.isArray(parts) || !parts.every((p) => (DATE_PARTS as readonly unknown[]).includes(p))) {
        c.add(`${path}.parts`, `must be a list of ${DATE_PARTS.map((p) => `'${p}'`).join(', ')}, got ${show(parts)}.`);
        return null;
      }
      checkScaling(c, f, path);
      for (const key of ['center', 'scale'] as const) {
        const v = f[key];
        if (!Array.isArray(v) || v.length !== parts.length) {
          c.add(`${path}.${key}`, `must be a list of ${parts.length} numbers (one per date part), got ${show(v)}.`);
          continue;
        }
        v.forEach((x: unknown, i: number) => c.finiteAt(x, `${path}.${key}[${i}]`, key === 'scale'));
      }
      return parts.length + extra;
    }
  }
  return null;
}

function checkTarget(c: Checker, t: unknown, task: Task | null): void {
  if (!isRecord(t)) return c.add('target', `must describe the target column, got ${show(t)}.`);
  if (typeof t.column !== 'string') c.add('target.column', `must be the target column's name, got ${show(t.column)}.`);
  if (task && t.kind !== task.kind)
    return c.add('target.kind', `is ${show(t.kind)} but the model's task is '${task.kind}'. Train the model again.`);
  if (t.kind === 'classification') {
    const classes = c.labels(t, 'classes', 'target');
    if (classes && task?.kind === 'classification' && classes.join('\u0000') !== task.classes.join('\u0000')) {
      c.add(
        'target.classes',
        `(${show(classes)}) differ from the model's task classes (${show(task.classes)}). Train the model again.`,
      );
    }
  } else if (t.kind === 'regression') {
    c.finite(t, 'mean', 'target');
    c.finite(t, 'std', 'target', true);
  } else {
    c.add('target.kind', `must be 'classification' or 'regression', got ${show(t.kind)}.`);
  }
}

/** Check stored preprocessing (not null) against the model's inputs and task; problems go to `problems`. */
export function checkPreprocessing(pre: unknown, inputs: number, task: Task | null, problems: Problem[]): void {
  const c = new Checker(problems);
  if (!isRecord(pre)) return c.add('', `must be an object (or null when preprocessing was off), got ${show(pre)}.`);
  if (pre.format !== PREPROCESSING_FORMAT)
    c.add('format', `must be '${PREPROCESSING_FORMAT}', got ${show(pre.format)}.`);
  if (
    typeof pre.version !== 'number' ||
    !Number.isInteger(pre.version) ||
    pre.version < 1 ||
    pre.version > PREPROCESSING_VERSION
  ) {
    c.add(
      'version',
      `must be a whole number from 1 to ${PREPROCESSING_VERSION}, got ${show(pre.version)}. Update Backprop Studio if the model comes from a newer version.`,
    );
  }
  checkTarget(c, pre.target, task);
  if (!Array.isArray(pre.features))
    return c.add('features', `must be a list of column transforms, got ${show(pre.features)}.`);
  let encoded: number | null = 0;
  pre.features.forEach((f: unknown, i: number) => {
    const n = checkFeature(c, f, `features[${i}]`);
    encoded = encoded === null || n === null ? null : encoded + n;
  });
  const names = pre.featureNames;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
    c.add('featureNames', `must be a list of texts, got ${show(names)}.`);
  else if (names.length !== inputs)
    c.add('featureNames', `lists ${names.length} inputs but the model takes ${inputs}. Train the model again.`);
  if (encoded !== null && inputs > 0 && encoded !== inputs) {
    c.add('features', `give ${encoded} inputs but the model takes ${inputs}. Train the model again.`);
  }
  if (!Array.isArray(pre.missingValues) || !pre.missingValues.every((v) => typeof v === 'string')) {
    c.add('missingValues', `must be a list of texts read as missing, got ${show(pre.missingValues)}.`);
  }
}
