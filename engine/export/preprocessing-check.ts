/**
 * The exporters read `model.preprocessing` (untyped JSON in the model file) through this check, so a
 * damaged or newer file is one clear message instead of a crash or a silently wrong graph.
 */
import { DATE_PARTS, PREPROCESSING_FORMAT, PREPROCESSING_VERSION, type Preprocessing } from '../data/index.ts';
import { isRecord } from '../spec/fields.ts';
import { exportMessages } from './messages.ts';
import type { ModelFile } from './model-file.ts';
import { ExportError } from './onnx/export-error.ts';

const KINDS = ['number', 'boolean', 'oneHot', 'ordinal', 'datetime'];
const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isNums = (v: unknown, n: number): boolean => Array.isArray(v) && v.length === n && v.every(isNum);

function featureProblem(f: unknown, i: number): string | null {
  const at = `features[${i}]`;
  if (!isRecord(f)) return `${at} is not an object`;
  if (!KINDS.includes(f.kind as string)) return `${at}.kind is ${JSON.stringify(f.kind)} (valid: ${KINDS.join(', ')})`;
  if (typeof f.column !== 'string') return `${at}.column is not a column name`;
  const fill = f.fill;
  if (!isRecord(fill) || !isNum(fill.value) || typeof fill.indicator !== 'boolean')
    return `${at}.fill must be { value: number, indicator: boolean }`;
  if (
    (f.kind === 'oneHot' || f.kind === 'ordinal') &&
    (!isStrings(f.categories) || (f.categories as string[]).length === 0)
  )
    return `${at}.categories must be a list of texts`;
  if (f.kind === 'oneHot' && typeof f.hasOther !== 'boolean') return `${at}.hasOther must be true or false`;
  if (f.kind === 'boolean' && (!isStrings(f.positive) || !isStrings(f.negative)))
    return `${at}.positive and .negative must be lists of texts`;
  if ((f.kind === 'number' || f.kind === 'ordinal') && (!isNum(f.center) || !isNum(f.scale) || f.scale === 0))
    return `${at}.center and .scale must be numbers (scale not 0)`;
  if (f.kind === 'datetime') {
    const parts = f.parts;
    if (!Array.isArray(parts) || parts.length === 0 || !parts.every((p) => DATE_PARTS.includes(p as never)))
      return `${at}.parts must be some of ${DATE_PARTS.join(', ')}`;
    if (!isNums(f.center, parts.length) || !isNums(f.scale, parts.length))
      return `${at}.center and .scale must hold one number per part`;
  }
  return null;
}

function width(f: Preprocessing['features'][number]): number {
  const base =
    f.kind === 'oneHot' ? f.categories.length + (f.hasOther ? 1 : 0) : f.kind === 'datetime' ? f.parts.length : 1;
  return base + (f.fill.indicator ? 1 : 0);
}

/** The model's preprocessing, checked enough to export; null when the file has none. */
export function checkedPreprocessing(model: ModelFile): Preprocessing | null {
  const p = model.preprocessing;
  if (p === null || p === undefined) return null;
  const fail = (why: string): never => {
    throw new ExportError(exportMessages.badPreprocessing(why));
  };
  if (!isRecord(p) || p.format !== PREPROCESSING_FORMAT) return fail(`its format is not '${PREPROCESSING_FORMAT}'`);
  if (typeof p.version !== 'number' || p.version > PREPROCESSING_VERSION)
    return fail(`it is version ${JSON.stringify(p.version)}, newer than ${PREPROCESSING_VERSION}`);
  if (!Array.isArray(p.features)) return fail('features is not a list');
  p.features.forEach((f, i) => {
    const problem = featureProblem(f, i);
    if (problem) fail(problem);
  });
  if (!isStrings(p.missingValues)) return fail('missingValues is not a list of texts');
  const t = p.target;
  const targetOk =
    isRecord(t) &&
    ((t.kind === 'classification' && isStrings(t.classes)) ||
      (t.kind === 'regression' && isNum(t.mean) && isNum(t.std)));
  if (!targetOk) return fail('target must be { kind: classification, classes } or { kind: regression, mean, std }');
  const pre = p as unknown as Preprocessing;
  const total = pre.features.reduce((n, f) => n + width(f), 0);
  if (total !== model.inputs) return fail(`its features make ${total} inputs, but the network takes ${model.inputs}`);
  return pre;
}
