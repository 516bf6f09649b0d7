/** The worker's step-through: initial weights, a paused run, a finished run, the same gradients as `gradients`, and clear refusals. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import {
  parseEvent,
  transferablesOf,
  type EngineEvent,
  type EngineRequest,
  type WireStepTrace,
} from '../protocol/index.ts';
import { computeGradients } from '../train/index.ts';
import { EngineService } from './service.ts';

const iris = readFileSync(new URL('../../resources/samples/iris.csv', import.meta.url));
const source = iris.buffer.slice(iris.byteOffset, iris.byteOffset + iris.byteLength) as ArrayBuffer;

type Body = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;

const settings = { target: 'species', columns: {}, split: { validation: 0.1, test: 0.2 } };
const spec = {
  layers: [
    { id: 'h1', type: 'dense' as const, units: 6, activation: 'tanh' as const },
    { id: 'h2', type: 'dense' as const, units: 5, activation: 'relu' as const },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: {
    epochs: 40,
    batchSize: 8,
    seed: 3,
    optimizer: { type: 'sgd' as const, learningRate: 0.05 },
    backend: 'cpu' as const,
  },
};

async function harness(onEvent: (e: EngineEvent, service: EngineService) => void = () => {}) {
  const events: EngineEvent[] = [];
  const service: EngineService = new EngineService((e) => {
    events.push(e);
    onEvent(e, service);
  });
  let id = 0;
  const send = async (body: Body): Promise<EngineEvent> => {
    const from = events.length;
    const n = ++id;
    await service.handle({ ...body, id: n } as EngineRequest);
    const reply = events.slice(from).find((e) => 'id' in e && e.id === n);
    if (!reply) throw new Error(`no reply to ${body.type}`);
    return reply;
  };
  await send({ type: 'data/load', name: 'iris.csv', source: source.slice(0), options: null });
  return { service, events, send };
}

function traced(e: EngineEvent): WireStepTrace {
  if (e.type !== 'step/traced') throw new Error(e.type === 'error' ? e.error.message : `got ${e.type}`);
  return e.trace;
}

describe('step/trace', () => {
  it('traces the initial weights on the chosen training rows, with the gradients of the gradients command', async () => {
    const { send } = await harness();
    const t = traced(
      await send({
        type: 'step/trace',
        source: { kind: 'initial', spec, settings },
        positions: Int32Array.from([4, 9]),
        learningRate: null,
      }),
    );
    expect(t.rows).toBe(2);
    expect(t.trainRows).toBe(105);
    expect(Array.from(t.positions)).toEqual([4, 9]);
    expect(t.rowIndices.every((r) => r >= 0 && r < 150)).toBe(true);
    expect(t.forward.map((f) => [f.layerId, f.output.cols])).toEqual([
      ['h1', 6],
      ['h2', 5],
      ['out', 3],
    ]);
    expect(t.backward.map((b) => b.layerId)).toEqual(['out', 'h2', 'h1']);
    expect(t.backend).toBe('CPU · TypeScript');
    expect(t.update.optimizer).toBe('sgd');
    expect(t.lossAfter).toBeLessThan(t.loss.value);
    // The same numbers in float64 on the reference backend, from the traced weights and inputs.
    const weights = t.update.tensors.map((u) => ({
      layer: u.layer,
      name: u.name,
      shape: u.shape,
      data: Array.from(u.before),
    }));
    const task = { kind: 'classification' as const, classes: ['setosa', 'versicolor', 'virginica'] };
    const reference = await computeGradients(
      spec,
      task,
      weights,
      Float32Array.from(t.forward[0].input.data),
      Float32Array.from(t.target),
      2,
      new CpuBackend({ precision: 'float64' }),
    );
    for (const g of reference.gradients) {
      const ours = t.update.tensors.find((u) => u.layer === g.layer && u.name === g.name)!.grad;
      g.data.forEach((v, i) => expect(ours[i]).toBeCloseTo(v, 6));
    }
    expect(t.loss.value).toBeCloseTo(reference.loss, 6);
  });

  it('crosses the wire: validated, with every array transferred', async () => {
    const { send } = await harness();
    const e = await send({
      type: 'step/trace',
      source: { kind: 'initial', spec, settings },
      positions: Int32Array.from([0]),
      learningRate: 0.001,
    });
    expect(parseEvent(e)).toBe(e);
    // positions, rowIndices, output, ∂L/∂x; input/z/output/f′ of 3 dense layers; dOutput (+ dz for 2) of 3; before/grad/after of 6 tensors.
    expect(transferablesOf(e)).toHaveLength(4 + 3 * 4 + 3 + 2 + 6 * 3);
    const t = traced(e);
    expect([t.inputGradient.rows, t.inputGradient.cols]).toEqual([1, t.featureNames.length]);
    expect(() => parseEvent({ type: 'step/traced', id: 1, trace: { ...t, inputGradient: null } })).toThrow(
      "'step/traced' trace is malformed",
    );
    expect(() =>
      parseEvent({
        type: 'step/traced',
        id: 1,
        trace: { ...traced(e), output: { rows: 1, cols: 3, data: [1, 2, 3] } },
      }),
    ).toThrow("'step/traced' trace is malformed");
    expect(traced(e).update.learningRate).toBe(0.001);
  });

  it('traces a paused run at its current weights on its own backend, and a finished run at its final weights', async () => {
    let pausedTrace: Promise<EngineEvent> | null = null;
    let runningTrace: Promise<EngineEvent> | null = null;
    const { send, events } = await harness((e, service) => {
      if (e.type !== 'train/started') return;
      // handle() resolves once it has posted the reply (or the error) with the request's id.
      const ask = (id: number) =>
        service
          .handle({
            type: 'step/trace',
            id,
            source: { kind: 'run', runId: 'r1' },
            positions: Int32Array.from([0]),
            learningRate: null,
          })
          .then(() =>
            events.find((x) => 'id' in x && x.id === id && (x.type === 'step/traced' || x.type === 'error'))!,
          );
      runningTrace = ask(901);
      pausedTrace = runningTrace.then(async () => {
        await service.handle({ type: 'train/pause', id: 902, runId: 'r1' });
        const reply = await ask(903);
        await service.handle({ type: 'train/resume', id: 904, runId: 'r1' });
        return reply;
      });
    });
    const done = send({ type: 'train/start', runId: 'r1', spec, settings });
    await done;
    const running = await runningTrace!;
    expect(running.type === 'error' && running.error.message).toBe(
      'This run is still training. Pause it to step through its current weights.',
    );
    const paused = traced(await pausedTrace!);
    expect(paused.position?.batches).toBe(14);
    expect(paused.position!.epoch).toBeGreaterThanOrEqual(1);
    const finished = events.find((e) => e.type === 'train/done');
    if (finished?.type !== 'train/done') throw new Error('no train/done');
    const finalKernel = finished.weights.find((w) => w.layer === 'h1' && w.name === 'kernel')!.data;
    expect(Array.from(paused.update.tensors[0].before)).not.toEqual(Array.from(finalKernel));
    const last = traced(
      await send({
        type: 'step/trace',
        source: { kind: 'run', runId: 'r1' },
        positions: Int32Array.from([0]),
        learningRate: null,
      }),
    );
    expect(Array.from(last.update.tensors[0].before)).toEqual(Array.from(finalKernel));
    expect(last.seed).toBe(3);
    expect(last.position).toBeNull();
  });

  it('refuses rows outside the training split, too many rows, a bad learning rate and an unknown run, saying what to do', async () => {
    const { send } = await harness();
    const message = async (body: Body) => {
      const e = await send(body);
      return e.type === 'error' ? e.error.message : `no error (${e.type})`;
    };
    const initial = { kind: 'initial' as const, spec, settings };
    expect(
      await message({ type: 'step/trace', source: initial, positions: Int32Array.from([105]), learningRate: null }),
    ).toBe('Training row 106 does not exist: the training split has 105 rows. Pick a row from 1 to 105.');
    expect(
      await message({ type: 'step/trace', source: initial, positions: new Int32Array(33), learningRate: null }),
    ).toBe('A step traces at most 32 rows, not 33. Pick fewer rows.');
    expect(
      await message({ type: 'step/trace', source: initial, positions: Int32Array.from([0]), learningRate: 0 }),
    ).toBe('The learning rate for this step must be a number above 0, not 0. Try 0.05.');
    expect(
      await message({
        type: 'step/trace',
        source: { kind: 'run', runId: 'nope' },
        positions: Int32Array.from([0]),
        learningRate: null,
      }),
    ).toBe(
      'The engine does not know this run (it restarted). Open the run again, or step through the initial weights.',
    );
  });
});
