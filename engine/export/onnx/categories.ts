/**
 * A category column (string input [N, 1]) as category codes inside the graph, with ai.onnx.ml LabelEncoder:
 * the index in `categories` (exact, case-sensitive text), −1 for a text not listed, and a missing flag for
 * the empty string or a missing-value marker (markers match without case, like the CSV reader).
 */
import { DataType } from './proto.ts';
import type { GraphBuilder } from './graph.ts';

const ML = { domain: 'ai.onnx.ml' };

/** The spellings of a marker the graph recognizes: as stored (lower case), UPPER, and Capitalized. */
function markerSpellings(markers: readonly string[]): string[] {
  const all = new Set<string>(['']);
  for (const m of markers) for (const s of [m, m.toUpperCase(), m.charAt(0).toUpperCase() + m.slice(1)]) all.add(s);
  return [...all];
}

/** Codes [N] int64 (−1 unknown) and a missing flag [N] bool for string input `x` [N, 1]. */
export function emitCategoryCodes(
  g: GraphBuilder,
  x: string,
  categories: readonly string[],
  markers: readonly string[],
  base: string,
): { codes: string; missing: string } {
  const flat = g.op('Reshape', [x, g.int64s(`${base}/flat_shape`, [-1])], `${base}/flat`);
  const codes = g.op(
    'LabelEncoder',
    [flat],
    `${base}/codes`,
    {
      keys_strings: { strings: [...categories] },
      values_int64s: { ints: categories.map((_, i) => i) },
      default_int64: { int: -1 },
    },
    ML,
  );
  const spellings = markerSpellings(markers).filter((s) => !categories.includes(s));
  const isMarker = g.op(
    'LabelEncoder',
    [flat],
    `${base}/is_marker`,
    {
      keys_strings: { strings: spellings },
      values_int64s: { ints: spellings.map(() => 1) },
      default_int64: { int: 0 },
    },
    ML,
  );
  const missing = g.op('Equal', [isMarker, g.int64s(`${base}/one`, [1], [])], `${base}/missing`);
  return { codes, missing };
}

/** The code a row ends with: missing → `fill`, unknown (−1) → `unknown`, else its own; int64 [N]. */
export function emitFinalCode(
  g: GraphBuilder,
  codes: string,
  missing: string,
  fill: number,
  unknown: number,
  base: string,
): string {
  const isUnknown = g.op('Equal', [codes, g.int64s(`${base}/minus_one`, [-1], [])], `${base}/unknown`);
  const known = g.op('Where', [isUnknown, g.int64s(`${base}/unknown_code`, [unknown], []), codes], `${base}/known`);
  return g.op('Where', [missing, g.int64s(`${base}/fill_code`, [fill], []), known], `${base}/code`);
}

/** 0/1 float columns [N, width] for codes [N]: column k is 1 where code = k (a code of −1 gives all zeros). */
export function emitOneHot(g: GraphBuilder, code: string, width: number, base: string): string {
  const column = g.op('Unsqueeze', [code, g.int64s(`${base}/axis1`, [1])], `${base}/code_column`);
  const positions = g.int64s(
    `${base}/positions`,
    Array.from({ length: width }, (_, k) => k),
    [1, width],
  );
  const hits = g.op('Equal', [column, positions], `${base}/hits`);
  return g.op('Cast', [hits], `${base}/onehot`, { to: { int: DataType.FLOAT } });
}
