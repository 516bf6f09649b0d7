import { describe, expect, it } from 'vitest';
import type { EngineEvent, WireError } from '../../engine/protocol/index.ts';
import { EngineRequestError, type ProgressEvent, type RequestBody } from '../engine/engine-client.ts';
import type { Project } from './project.svelte.ts';
import type { TrainingRun } from './training-run.svelte.ts';
import { WhyState } from './why.svelte.ts';

interface Started {
  id: number;
  body: RequestBody;
  progress: (e: ProgressEvent) => void;
  resolve: (e: EngineEvent) => void;
  reject: (e: Error) => void;
}

/** A project whose engine keeps each started request for the test to answer. */
function fakeProject(hasModel = true) {
  const started: Started[] = [];
  const sent: RequestBody[] = [];
  let next = 1;
  const engine = {
    start: (body: RequestBody, progress: (e: ProgressEvent) => void) => {
      const id = next++;
      const reply = new Promise<EngineEvent>((resolve, reject) =>
        started.push({ id, body, progress, resolve, reject }),
      );
      return { id, reply };
    },
    request: async (body: RequestBody) => {
      sent.push(body);
      return { type: 'explain/cancelled', id: next++, target: 0, cancelled: true };
    },
  };
  const project = { engine, ensureModel: async () => hasModel } as unknown as Project;
  return { project, started, sent };
}

const run = (id: string) => ({ id }) as TrainingRun;
const tick = () => new Promise((r) => setTimeout(r, 0));
const importance = {
  metric: 'accuracy',
  baseline: { metric: 0.9, loss: 0.3 },
  rows: 30,
  rowsLeftOut: 0,
  repeats: 5,
  seed: 1,
  columns: [],
};

describe('WhyState', () => {
  it('shows progress while importance runs, then its result', async () => {
    const { project, started } = fakeProject();
    const why = new WhyState(project);
    const done = why.measureImportance(run('r1'));
    await tick();
    const job = started[0]!;
    expect(job.body).toEqual({ type: 'explain/importance', runId: 'r1', repeats: null, seed: null });
    expect(why.importance.status).toBe('running');
    job.progress({ type: 'explain/progress', id: job.id, done: 3, total: 20 });
    expect(why.importance.progress).toEqual({ done: 3, total: 20 });
    job.resolve({
      type: 'explain/importance-done',
      id: job.id,
      runId: 'r1',
      backend: 'CPU · TypeScript',
      result: importance,
    } as EngineEvent);
    await done;
    expect([why.importance.status, why.importance.result, why.importance.progress]).toEqual(['done', importance, null]);
    expect(why.importance.backend).toBe('CPU · TypeScript');
  });

  it("cancels by the request's id, and reads the explain/cancelled error as cancelled, not failed", async () => {
    const { project, started, sent } = fakeProject();
    const why = new WhyState(project);
    const done = why.sweep(run('r1'), 'island');
    await tick();
    why.pdp.cancel();
    expect(sent).toEqual([{ type: 'explain/cancel', target: started[0]!.id }]);
    started[0]!.reject(
      new EngineRequestError({
        name: 'ExplainError',
        code: 'explain/cancelled',
        path: '',
        message: 'Cancelled.',
        problems: [],
      }),
    );
    await done;
    expect([why.pdp.status, why.pdp.error, why.column]).toEqual(['cancelled', null, 'island']);
  });

  it('a newer request replaces an older one: the older is cancelled and its late answer ignored', async () => {
    const { project, started, sent } = fakeProject();
    const why = new WhyState(project);
    const first = why.explainRow(run('r1'), 4);
    await tick();
    const second = why.explainRow(run('r1'), 9);
    await tick();
    expect(sent).toEqual([{ type: 'explain/cancel', target: started[0]!.id }]);
    expect(started[1]!.body).toMatchObject({
      type: 'explain/rows',
      rows: Int32Array.of(9),
      method: 'integrated-gradients',
      baseline: 'mean',
    });
    const result = {
      method: 'integrated-gradients',
      output: 'value',
      steps: 64,
      baseline: 'mean',
      baselineRows: 3,
      columns: [],
      rows: [],
    };
    started[1]!.resolve({
      type: 'explain/rows-done',
      id: started[1]!.id,
      runId: 'r1',
      backend: 'CPU · TypeScript',
      result,
    } as EngineEvent);
    started[0]!.resolve({
      type: 'explain/rows-done',
      id: started[0]!.id,
      runId: 'r1',
      backend: 'CPU · TypeScript',
      result: { ...result, steps: 1 },
    } as EngineEvent);
    await Promise.all([first, second]);
    expect([why.row, why.rows.result?.steps, why.rows.status]).toEqual([9, 64, 'done']);
  });

  it("keeps the engine's error for the user, and says when the run has no model", async () => {
    const { project, started } = fakeProject();
    const why = new WhyState(project);
    const done = why.measureImportance(run('r1'));
    await tick();
    const wire: WireError = {
      name: 'ExplainError',
      code: 'explain/no-test-rows',
      path: 'split',
      message: 'The test split has no rows.',
      problems: [],
    };
    started[0]!.reject(new EngineRequestError(wire));
    await done;
    expect([why.importance.status, why.importance.error]).toEqual(['failed', wire]);
    const none = new WhyState(fakeProject(false).project);
    await none.measureImportance(run('r2'));
    expect([none.importance.status, none.importance.error?.message]).toEqual([
      'failed',
      'This run has no trained model to explain. Train it again (a run that failed or stopped before its first epoch keeps no weights).',
    ]);
  });

  it("drops another run's results when a new run is shown", async () => {
    const { project, started } = fakeProject();
    const why = new WhyState(project);
    const done = why.measureImportance(run('r1'));
    await tick();
    started[0]!.resolve({
      type: 'explain/importance-done',
      id: started[0]!.id,
      runId: 'r1',
      backend: 'CPU · TypeScript',
      result: importance,
    } as EngineEvent);
    await done;
    why.show(run('r2'));
    expect([why.runId, why.importance.status, why.importance.result]).toEqual(['r2', 'idle', null]);
  });

  it('a click made while the model is still loading is overtaken by the next one, whichever load ends first', async () => {
    const { project, started } = fakeProject();
    const loads: (() => void)[] = [];
    const slow = project as unknown as { ensureModel: () => Promise<boolean> };
    slow.ensureModel = () => new Promise<boolean>((resolve) => loads.push(() => resolve(true)));
    const why = new WhyState(project);
    const first = why.explainRow(run('r1'), 4);
    const second = why.explainRow(run('r1'), 9);
    const curveA = why.sweep(run('r1'), 'island');
    const curveB = why.sweep(run('r1'), 'sex');
    // The first asks' loads end last.
    for (const i of [1, 0, 3, 2]) {
      loads[i]!();
      await tick();
    }
    expect(started.map((s) => s.body)).toEqual([
      expect.objectContaining({ type: 'explain/rows', rows: Int32Array.of(9) }),
      expect.objectContaining({ type: 'explain/pdp', column: 'sex' }),
    ]);
    expect([why.row, why.column]).toEqual([9, 'sex']);
    for (const s of started) s.reject(new Error('not needed'));
    await Promise.all([first, second, curveA, curveB]);
  });
});
