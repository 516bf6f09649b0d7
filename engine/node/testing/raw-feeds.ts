/**
 * Test helper: the raw-column feeds of an ONNX graph from a plain CSV (no quoted fields), built the way a
 * caller outside Backprop Studio would: Number() for numbers, 1/0 for booleans, the text for categories,
 * Date.parse for ISO dates. Cells that are not understood are missing (NaN or '').
 */
import type { Preprocessing } from '../../data/index.ts';
import type { Feed } from './run-onnx.ts';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** One feed per feature column, [rows, 1]. */
export function rawFeeds(pre: Preprocessing, csv: string): { feeds: Record<string, Feed>; rows: number } {
  const lines = csv.replace(/\r\n?/g, '\n').trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const cells = lines.slice(1).map((l) => l.split(','));
  const rows = cells.length;
  const feeds: Record<string, Feed> = {};
  for (const t of pre.features) {
    const j = header.indexOf(t.column);
    const texts = cells.map((r) => (r[j] ?? '').trim());
    const dims = [rows, 1];
    if (t.kind === 'oneHot' || t.kind === 'ordinal') feeds[t.column] = { type: 'string', data: texts, dims };
    else if (t.kind === 'datetime')
      feeds[t.column] = { type: 'float64', data: texts.map((s) => (s ? Date.parse(s) : NaN)), dims };
    else if (t.kind === 'boolean') {
      feeds[t.column] = {
        type: 'float32',
        data: texts.map((s) =>
          t.positive.includes(s.toLowerCase()) ? 1 : t.negative.includes(s.toLowerCase()) ? 0 : NaN,
        ),
        dims,
      };
    } else feeds[t.column] = { type: 'float32', data: texts.map((s) => (NUMBER.test(s) ? Number(s) : NaN)), dims };
  }
  return { feeds, rows };
}
