/** `model/convert` through the service: a trained iris run's exports run in their runtimes and agree with `predict/run`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Preprocessing } from '../data/index.ts';
import { parseModelFile } from '../export/index.ts';
import { rawFeeds } from '../node/testing/raw-feeds.ts';
import { runOnnx } from '../node/testing/run-onnx.ts';
import {
  parseEvent,
  transferablesOf,
  type EngineEvent,
  type EngineRequest,
  type ModelFormat,
} from '../protocol/index.ts';
import { EngineService } from './service.ts';

const iris = readFileSync(new URL('../../resources/samples/iris.csv', import.meta.url));
const irisText = iris.toString('utf8');
const settings = { target: 'species', columns: {}, split: { validation: 0.1, test: 0.2 } };
const spec = {
  layers: [
    { id: 'h1', type: 'dense' as const, units: 8, activation: 'gelu' as const },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: {
    epochs: 5,
    batchSize: 16,
    seed: 7,
    optimizer: { type: 'adam' as const, learningRate: 0.05 },
    backend: 'cpu' as const,
  },
};

async function trainedService(): Promise<(req: EngineRequest) => Promise<EngineEvent[]>> {
  const events: EngineEvent[] = [];
  const service = new EngineService((e) => events.push(e));
  const send = async (req: EngineRequest): Promise<EngineEvent[]> => {
    const from = events.length;
    await service.handle(req);
    return events.slice(from);
  };
  const source = iris.buffer.slice(iris.byteOffset, iris.byteOffset + iris.byteLength) as ArrayBuffer;
  await send({ type: 'data/load', id: 1, name: 'iris.csv', source, options: null });
  await send({ type: 'train/start', id: 2, runId: 'r1', spec, settings });
  return send;
}

async function convert(send: (req: EngineRequest) => Promise<EngineEvent[]>, format: ModelFormat) {
  const [reply] = await send({ type: 'model/convert', id: 3, runId: 'r1', format });
  if (reply?.type !== 'model/converted') throw new Error(JSON.stringify(reply));
  // What the worker posts passes the protocol's validator, and its bytes are transferred.
  expect(parseEvent(reply)).toBe(reply);
  expect(transferablesOf(reply)).toEqual(reply.files.flatMap((f) => (f.bytes ? [f.bytes.buffer] : [])));
  return reply.files;
}

describe('model/convert', () => {
  it('exports a trained iris run as ONNX (raw columns) that gives the labels and probabilities of predict/run', async () => {
    const send = await trainedService();
    const [file] = await convert(send, 'onnx-columns');
    const [json] = await convert(send, 'json');
    const model = parseModelFile(JSON.parse(json!.text!));
    const [predicted] = await send({
      type: 'predict/run',
      id: 4,
      runId: 'r1',
      name: 'iris.csv',
      source: new Blob([irisText]),
    });
    if (predicted?.type !== 'predict/done') throw new Error(JSON.stringify(predicted));
    const rows = predicted.csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const { feeds } = rawFeeds(model.preprocessing as Preprocessing, irisText);
    const out = await runOnnx(file!.bytes!, feeds);
    expect(file!.name).toBe('model.onnx');
    expect(out.label!.data).toEqual(rows.map((r) => r[6]));
    const probabilities = rows.flatMap((r) => r.slice(7).map(Number));
    (out.probabilities!.data as number[]).forEach((p, i) => expect(p).toBeCloseTo(probabilities[i]!, 5));
  });

  it('exports the input-matrix ONNX, the TF.js files (model.json naming weights.bin) and the model file', async () => {
    const send = await trainedService();
    const [matrix] = await convert(send, 'onnx-matrix');
    const session = await runOnnx(matrix!.bytes!, { input: { type: 'float32', data: [0, 0, 0, 0], dims: [1, 4] } });
    expect(session.probabilities!.dims).toEqual([1, 3]);
    const tfjs = await convert(send, 'tfjs');
    expect(tfjs.map((f) => f.name)).toEqual(['model.json', 'weights.bin']);
    const manifest = JSON.parse(tfjs[0]!.text!) as { weightsManifest: { paths: string[] }[] };
    expect(manifest.weightsManifest[0]!.paths).toEqual(['weights.bin']);
    expect(tfjs[1]!.bytes!.byteLength).toBe((4 * 8 + 8 + 8 * 3 + 3) * 4);
    const [json] = await convert(send, 'json');
    expect(JSON.parse(json!.text!).format).toBe('backprop-studio/model');
  });

  it('answers a run without a model with the usual error', async () => {
    const events: EngineEvent[] = [];
    await new EngineService((e) => events.push(e)).handle({
      type: 'model/convert',
      id: 9,
      runId: 'none',
      format: 'tfjs',
    });
    expect(events).toEqual([expect.objectContaining({ type: 'error', id: 9, runId: 'none' })]);
    const [error] = events;
    expect(error?.type === 'error' && error.error.message).toBe(
      'This run has no trained model. Train it first (a run that failed keeps no weights).',
    );
  });
});
