/** Date parts in the graph equal the engine's (Date's UTC getters) across leap years, centuries and before 1970. */
import { describe, expect, it } from 'vitest';
import { DATE_PARTS, RAW_DATE_PARTS } from '../../data/preparing/preprocessing.ts';
import { datePart } from '../../data/preparing/raw-values.ts';
import { runOnnx } from '../../node/testing/run-onnx.ts';
import { emitDateParts } from './dates.ts';
import { GraphBuilder } from './graph.ts';
import { DataType, encodeModel } from './proto.ts';
import { ONNX_OPSETS } from './export.ts';

const stamps = [
  '1900-02-28',
  '1900-03-01',
  '1969-12-31T23:59:59Z',
  '1970-01-01',
  '1999-12-31T12:00:00Z',
  '2000-02-29',
  '2000-12-31',
  '2020-01-01',
  '2023-03-01',
  '2024-02-29T23:59:59.999Z',
  '2024-12-31',
  '2100-03-01',
  '1601-01-01',
  '2400-12-31',
].map((s) => Date.parse(s));

describe('date parts in ONNX', () => {
  it('year, month, day of week, day of year, hour and the sine/cosine of each cycle match the engine', async () => {
    const g = new GraphBuilder();
    g.reserve('t');
    const parts = emitDateParts(g, 't', DATE_PARTS, 'd');
    const outputs = DATE_PARTS.map((p, k) => g.op('Identity', [parts[k]!], p, undefined, { output: p }));
    const bytes = encodeModel({
      graphName: 'dates',
      nodes: g.nodes,
      initializers: g.initializers,
      opsets: ONNX_OPSETS,
      producerVersion: 'test',
      doc: '',
      metadata: {},
      inputs: [{ name: 't', type: DataType.DOUBLE, shape: ['N', 1] }],
      outputs: outputs.map((name) => ({ name, type: DataType.DOUBLE, shape: ['N', 1] })),
    });
    const out = await runOnnx(bytes, { t: { type: 'float64', data: stamps, dims: [stamps.length, 1] } });
    for (const p of RAW_DATE_PARTS) expect(out[p]!.data, p).toEqual(stamps.map((t) => datePart(t, p)));
    for (const p of DATE_PARTS.filter((q) => !(RAW_DATE_PARTS as readonly string[]).includes(q))) {
      out[p]!.data.forEach((v, i) =>
        expect(v, `${p} of ${new Date(stamps[i]!).toISOString()}`).toBeCloseTo(datePart(stamps[i]!, p), 12),
      );
    }
  });
});
