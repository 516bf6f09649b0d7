/**
 * Validation of a model file's stored metrics per split. Files written by the run pipeline store the full
 * set (`Metrics`: accuracy, loss, macro F1, per-class scores and the confusion matrix; or loss, MAE, RMSE,
 * R²); files the app saved before it stored only the headline numbers (`{ accuracy }`, `{ mae, rmse, r2 }`),
 * and those still load. JSON writes NaN (an R² of constant targets) as null, which reads back as NaN.
 */
import type { Problem } from '../errors.ts';
import { isRecord } from '../spec/fields.ts';
import { balancedAccuracyOf, type ClassScores, type Metrics } from '../train/index.ts';
import { modelFileMessages } from './messages.ts';

/** The splits a model file stores metrics for. */
export const SPLIT_NAMES = ['train', 'validation', 'test'] as const;
/** One of them. */
export type SplitName = (typeof SPLIT_NAMES)[number];

/** Headline numbers only, as the app stored them before the run pipeline (no `kind`). */
export interface HeadlineMetrics {
  readonly kind?: undefined;
  readonly [metric: string]: number | undefined;
}

/** A split's metrics in a model file. */
export type SplitMetrics = Metrics | HeadlineMetrics;

/** Metrics per split; a split without rows has none. */
export type ModelMetrics = Partial<Record<SplitName, SplitMetrics>>;

const show = (v: unknown): string => (v === undefined ? 'missing' : (JSON.stringify(v) ?? String(v)));

/** A number as stored: JSON null is NaN; anything else that is not a number is a problem (null returned). */
function num(v: unknown): number | null {
  if (v === null) return NaN;
  return typeof v === 'number' ? v : null;
}

class MetricsReader {
  constructor(readonly problems: Problem[]) {}

  bad(path: string, message: string): null {
    this.problems.push(modelFileMessages.badMetrics(path, message));
    return null;
  }

  number(obj: Record<string, unknown>, key: string, path: string): number | null {
    const n = num(obj[key]);
    return n === null ? this.bad(`${path}.${key}`, `must be a number, got ${show(obj[key])}.`) : n;
  }

  classScores(v: unknown, path: string): ClassScores | null {
    if (!isRecord(v) || typeof v.label !== 'string')
      return this.bad(path, `must be { label, precision, recall, f1, support }, got ${show(v)}.`);
    const [precision, recall, f1, support] = (['precision', 'recall', 'f1', 'support'] as const).map((k) =>
      this.number(v, k, path),
    );
    if (precision === null || recall === null || f1 === null || support === null) return null;
    return { label: v.label, precision, recall, f1, support };
  }

  confusion(v: unknown, path: string): number[][] | null {
    const ok =
      Array.isArray(v) &&
      v.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'number' && Number.isInteger(c) && c >= 0));
    return ok
      ? (v as number[][]).map((row) => [...row])
      : this.bad(path, `must be a table of counts (number[][]), got ${show(v)}.`);
  }

  split(v: unknown, path: string): SplitMetrics | null {
    if (!isRecord(v)) return this.bad(path, `must be an object of metrics, got ${show(v)}.`);
    if (v.kind === 'classification') {
      const loss = this.number(v, 'loss', path);
      const accuracy = this.number(v, 'accuracy', path);
      const macroF1 = this.number(v, 'macroF1', path);
      const classes = Array.isArray(v.classes)
        ? v.classes.map((c, i) => this.classScores(c, `${path}.classes[${i}]`))
        : [this.bad(`${path}.classes`, `must be a list of per-class scores, got ${show(v.classes)}.`)];
      const confusion = this.confusion(v.confusion, `${path}.confusion`);
      if (
        loss === null ||
        accuracy === null ||
        macroF1 === null ||
        confusion === null ||
        classes.some((c) => c === null)
      )
        return null;
      const scores = classes as ClassScores[];
      // Files written before balanced accuracy was stored: it follows from the per-class recalls.
      const balanced =
        v.balancedAccuracy === undefined ? balancedAccuracyOf(scores) : this.number(v, 'balancedAccuracy', path);
      if (balanced === null) return null;
      return {
        kind: 'classification',
        loss,
        accuracy,
        macroF1,
        balancedAccuracy: balanced,
        classes: scores,
        confusion,
      };
    }
    if (v.kind === 'regression') {
      const [loss, mae, rmse, r2] = (['loss', 'mae', 'rmse', 'r2'] as const).map((k) => this.number(v, k, path));
      if (loss === null || mae === null || rmse === null || r2 === null) return null;
      return { kind: 'regression', loss, mae, rmse, r2 };
    }
    if (v.kind !== undefined)
      return this.bad(`${path}.kind`, `must be 'classification' or 'regression', got ${show(v.kind)}.`);
    const headline: Record<string, number> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = num(x);
      if (n === null) return this.bad(`${path}.${k}`, `must be a number, got ${show(x)}.`);
      headline[k] = n;
    }
    return headline;
  }
}

/** The stored metrics, checked; absent metrics read as none. Splits other than train, validation and test are ignored. */
export function readMetrics(raw: unknown, problems: Problem[]): ModelMetrics {
  if (raw === undefined || raw === null) return {};
  const reader = new MetricsReader(problems);
  if (!isRecord(raw)) {
    reader.bad('metrics', `must be an object with metrics per split (train, validation, test), got ${show(raw)}.`);
    return {};
  }
  const out: ModelMetrics = {};
  for (const name of SPLIT_NAMES) {
    if (raw[name] === undefined) continue;
    const m = reader.split(raw[name], `metrics.${name}`);
    if (m) out[name] = m;
  }
  return out;
}
