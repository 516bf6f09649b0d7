/**
 * Raw columns → the input matrix, inside the graph: one input per feature column (named as in the CSV,
 * [N, 1]), each transform's features in `featureNames` order, then one Concat. Arithmetic runs in float64
 * like the engine's, and the matrix is cast to float32 at the end.
 */
import type { FeatureTransform, Preprocessing } from '../../data/index.ts';
import type { ModelFile } from '../model-file.ts';
import { emitCategoryCodes, emitFinalCode, emitOneHot } from './categories.ts';
import { emitDateParts } from './dates.ts';
import { ExportError } from './export-error.ts';
import type { GraphBuilder } from './graph.ts';
import { reserveName } from './names.ts';
import { checkedPreprocessing } from '../preprocessing-check.ts';
import { DataType, type ValueInfo } from './proto.ts';

const toDouble = { to: { int: DataType.DOUBLE } };
/** A missing-value marker that is a plain decimal number (`-999`), read as missing in number columns. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function input(t: FeatureTransform): ValueInfo {
  const name = t.column;
  if (t.kind === 'oneHot' || t.kind === 'ordinal')
    return {
      name,
      type: DataType.STRING,
      shape: ['N', 1],
      doc: `category text; '' = missing; one of ${JSON.stringify(t.categories)} or another (unseen) text`,
    };
  if (t.kind === 'datetime')
    return { name, type: DataType.DOUBLE, shape: ['N', 1], doc: 'milliseconds since 1970-01-01 UTC; NaN = missing' };
  if (t.kind === 'boolean')
    return {
      name,
      type: DataType.FLOAT,
      shape: ['N', 1],
      doc: `1 (${t.positive.join('/')}) or 0 (${t.negative.join('/')}); NaN = missing`,
    };
  return { name, type: DataType.FLOAT, shape: ['N', 1], doc: 'number; NaN = missing' };
}

/** Missing flag [N, 1] bool of a numeric input: NaN, or equal to a numeric missing-value marker (`-999`). */
function numericMissing(g: GraphBuilder, x: string, markers: readonly number[], base: string): string {
  let missing = g.op('IsNaN', [x], `${base}/isnan`);
  for (const m of markers) {
    const hit = g.op(
      'Equal',
      [x, g.constant(`${base}/marker`, { type: DataType.DOUBLE, dims: [], data: [m] })],
      `${base}/is_marker`,
    );
    missing = g.op('Or', [missing, hit], `${base}/missing`);
  }
  return missing;
}

/** (x − center) / scale, float64. */
function scaled(g: GraphBuilder, x: string, center: number, scale: number, base: string): string {
  const c = g.constant(`${base}/center`, { type: DataType.DOUBLE, dims: [], data: [center] });
  const s = g.constant(`${base}/scale`, { type: DataType.DOUBLE, dims: [], data: [scale] });
  return g.op('Div', [g.op('Sub', [x, c], `${base}/centered`), s], `${base}/scaled`);
}

function filled(g: GraphBuilder, x: string, missing: string, value: number, base: string): string {
  return g.op(
    'Where',
    [missing, g.constant(`${base}/fill`, { type: DataType.DOUBLE, dims: [], data: [value] }), x],
    `${base}/filled`,
  );
}

function column(g: GraphBuilder, blocks: string[], x: string, base: string): void {
  blocks.push(g.op('Unsqueeze', [x, g.int64s(`${base}/axis1`, [1])], `${base}/column`));
}

/** Appends one transform's feature blocks (float64 [N, k]) to `blocks`. */
function emitTransform(
  g: GraphBuilder,
  t: FeatureTransform,
  pre: Preprocessing,
  numericMarkers: number[],
  blocks: string[],
): void {
  const x = t.column;
  const base = g.fresh(`col_${t.column}`);
  let missing: string;
  if (t.kind === 'oneHot' || t.kind === 'ordinal') {
    const c = emitCategoryCodes(g, x, t.categories, pre.missingValues, base);
    const unknown = t.kind === 'oneHot' && t.hasOther ? t.categories.length : t.fill.value;
    const code = emitFinalCode(g, c.codes, c.missing, t.fill.value, unknown, base);
    if (t.kind === 'oneHot') {
      blocks.push(
        g.op(
          'Cast',
          [emitOneHot(g, code, t.categories.length + (t.hasOther ? 1 : 0), base)],
          `${base}/onehot64`,
          toDouble,
        ),
      );
    } else {
      column(g, blocks, scaled(g, g.op('Cast', [code], `${base}/code64`, toDouble), t.center, t.scale, base), base);
    }
    missing = g.op('Unsqueeze', [c.missing, g.int64s(`${base}/axis1`, [1])], `${base}/missing_column`);
  } else {
    const x64 = t.kind === 'datetime' ? x : g.op('Cast', [x], `${base}/x64`, toDouble);
    missing = numericMissing(g, x64, t.kind === 'datetime' ? [] : numericMarkers, base);
    const v = filled(g, x64, missing, t.fill.value, base);
    if (t.kind === 'datetime') {
      emitDateParts(g, v, t.parts, base).forEach((p, k) =>
        blocks.push(scaled(g, p, t.center[k]!, t.scale[k]!, `${base}/${t.parts[k]}`)),
      );
    } else {
      blocks.push(t.kind === 'boolean' ? v : scaled(g, v, t.center, t.scale, base));
    }
  }
  if (t.fill.indicator) blocks.push(g.op('Cast', [missing], `${base}/indicator`, toDouble));
}

/** Graph inputs (one per raw column) and the name of the input matrix (float32 [N, inputs]) built from them. */
export function emitPreprocessing(g: GraphBuilder, model: ModelFile): { inputs: ValueInfo[]; matrix: string } {
  const pre = checkedPreprocessing(model);
  if (!pre) {
    throw new ExportError(
      'export/no-preprocessing',
      'This model file has no preprocessing stored (it was trained with preprocessing off or by an old version), so raw columns cannot become its inputs. Export with --inputs matrix, or train it again.',
    );
  }
  for (const t of pre.features) reserveName(g, t.column);
  const numericMarkers = pre.missingValues.filter((m) => NUMBER.test(m)).map(Number);
  const blocks: string[] = [];
  for (const t of pre.features) emitTransform(g, t, pre, numericMarkers, blocks);
  const joined = blocks.length === 1 ? blocks[0]! : g.op('Concat', blocks, 'features64', { axis: { int: 1 } });
  return {
    inputs: pre.features.map(input),
    matrix: g.op('Cast', [joined], 'features', { to: { int: DataType.FLOAT } }),
  };
}
