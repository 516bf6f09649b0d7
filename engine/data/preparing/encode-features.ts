/** Applies fitted feature transforms to table rows, writing row-major Float32 features. */
import type { FeatureTransform } from './preprocessing.ts';
import { UNKNOWN_CATEGORY, datePart, rawBoolean, rawCategories, type RawValues } from './raw-values.ts';
import type { TableColumn } from '../reading/table.ts';

/** Names of the features one transform produces, in order. */
export function transformNames(t: FeatureTransform): string[] {
  const names =
    t.kind === 'oneHot'
      ? [...t.categories.map((c) => `${t.column}=${c}`), ...(t.hasOther ? [`${t.column}=other`] : [])]
      : t.kind === 'datetime'
        ? t.parts.map((p) => `${t.column}:${p}`)
        : [t.column];
  return t.fill.indicator ? [...names, `${t.column}:missing`] : names;
}

/** Writes one transform's features for a row and counts what it could not read. */
export interface FeatureEncoder {
  readonly transform: FeatureTransform;
  readonly width: number;
  /** Rows whose value was present but unknown (an unseen category or boolean). */
  unknownCount: number;
  readonly unknownExamples: readonly string[];
  /** Rows whose value was missing and filled. */
  filledCount: number;
  write(row: number, out: Float32Array, offset: number): void;
}

function raw(t: FeatureTransform, col: TableColumn, rows: number): RawValues {
  const none: RawValues = { values: col.numbers, unknownCount: 0, unknownExamples: [] };
  if (t.kind === 'oneHot' || t.kind === 'ordinal') return rawCategories(col, rows, t.categories);
  if (t.kind === 'boolean') return rawBoolean(col, rows, t.positive, t.negative);
  if (t.kind === 'datetime') return { ...none, values: col.dates ?? new Float64Array(rows).fill(NaN) };
  return none;
}

/** An encoder of `t` reading `col` (a table of `rows` rows). */
export function createEncoder(t: FeatureTransform, col: TableColumn, rows: number): FeatureEncoder {
  const { values, unknownExamples, unknownCount } = raw(t, col, rows);
  const indicator = t.fill.indicator;
  const base = transformNames(t).length - (indicator ? 1 : 0);
  const encoder: FeatureEncoder = {
    transform: t,
    width: transformNames(t).length,
    unknownCount: t.kind === 'boolean' ? unknownCount : 0,
    unknownExamples,
    filledCount: 0,
    write(row, out, offset) {
      let v = values[row]!;
      const isMissing = v !== v;
      if (isMissing) encoder.filledCount++;
      if (t.kind === 'oneHot') {
        for (let k = 0; k < base; k++) out[offset + k] = 0;
        if (v === UNKNOWN_CATEGORY) {
          encoder.unknownCount++;
          v = t.hasOther ? t.categories.length : t.fill.value;
        } else if (isMissing) {
          v = t.fill.value;
        }
        if (v >= 0) out[offset + v] = 1;
      } else if (t.kind === 'datetime') {
        const stamp = isMissing ? t.fill.value : v;
        for (let k = 0; k < t.parts.length; k++)
          out[offset + k] = (datePart(stamp, t.parts[k]!) - t.center[k]!) / t.scale[k]!;
      } else {
        if (v === UNKNOWN_CATEGORY && t.kind === 'ordinal') {
          encoder.unknownCount++;
          v = t.fill.value;
        } else if (isMissing) {
          v = t.fill.value;
        }
        out[offset] = t.kind === 'boolean' ? v : (v - t.center) / t.scale;
      }
      if (indicator) out[offset + base] = isMissing ? 1 : 0;
    },
  };
  return encoder;
}

/** Row-major features of `rowList` (table rows), one block of columns per encoder. */
export function encodeRows(encoders: readonly FeatureEncoder[], rowList: ArrayLike<number>): Float32Array {
  const width = encoders.reduce((w, e) => w + e.width, 0);
  const out = new Float32Array(rowList.length * width);
  for (let i = 0; i < rowList.length; i++) {
    let offset = i * width;
    for (const e of encoders) {
      e.write(rowList[i]!, out, offset);
      offset += e.width;
    }
  }
  return out;
}
