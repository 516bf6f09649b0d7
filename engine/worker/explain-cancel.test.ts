import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../protocol/index.ts';
import { errorOf, settings, trainedService } from './fixtures/explain-harness.ts';
import { EngineService } from './service.ts';

const file = readFileSync(new URL('../../resources/samples/penguins.csv', import.meta.url));
const penguins = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;

let h: Awaited<ReturnType<typeof trainedService>>;

beforeAll(async () => {
  h = await trainedService(penguins);
});

describe('explain in the worker: cancel, and what it says about bad requests', () => {
  it('cancel: stops a running request at its next step, answered by explain/cancelled and an explain/cancelled error', async () => {
    const target = h.nextId();
    const cancelId = h.nextId();
    let cancelling: Promise<void> | null = null;
    h.setOnPost((e) => {
      if (e.type === 'explain/progress' && e.id === target && !cancelling)
        cancelling = h.service.handle({ type: 'explain/cancel', id: cancelId, target });
    });
    const from = h.events.length;
    await h.service.handle({ type: 'explain/importance', id: target, runId: 'r1', repeats: 5, seed: null });
    await cancelling;
    h.setOnPost(() => {});
    const events = h.events.slice(from);
    expect(events.filter((e) => e.type === 'explain/progress')).toHaveLength(1);
    expect(events.find((e) => e.type === 'explain/cancelled')).toEqual({
      type: 'explain/cancelled',
      id: cancelId,
      target,
      cancelled: true,
    });
    expect(events.some((e) => e.type === 'explain/importance-done')).toBe(false);
    const error = events.find((e) => e.type === 'error');
    expect(error?.type === 'error' && [error.id, error.error.code, error.error.message]).toEqual([
      target,
      'explain/cancelled',
      'Cancelled. Nothing was computed; start it again when you are ready.',
    ]);
    // Nothing left to cancel: said so, and the next request runs.
    const [none] = await h.send({ type: 'explain/cancel', target });
    expect(none?.type === 'explain/cancelled' && none.cancelled).toBe(false);
    expect(
      (await h.send({ type: 'explain/pdp', runId: 'r1', column: 'bill_length_mm', ice: false, points: 5 })).at(-1)
        ?.type,
    ).toBe('explain/pdp-done');
  });

  it('says what is wrong with bad rows, columns and runs, and how to fix it', async () => {
    const rows = (list: number[]) =>
      h.send({
        type: 'explain/rows',
        runId: 'r1',
        rows: Int32Array.from(list),
        method: 'integrated-gradients',
        baseline: 'mean',
        steps: null,
      });
    expect(errorOf(await rows([]))).toBe(
      'explain/no-rows: Pick at least one row to explain: click a row in a list, a point in a plot, or a row of the data grid.',
    );
    expect(errorOf(await rows([344]))).toBe(
      'explain/row-out-of-range: Row 345 does not exist: the loaded table has 344 rows. Pick a row from 1 to 344.',
    );
    expect(errorOf(await rows([-1]))).toBe(
      'explain/row-out-of-range: Row 0 does not exist: the loaded table has 344 rows. Pick a row from 1 to 344.',
    );
    expect(errorOf(await rows(Array.from({ length: 101 }, (_, i) => i)))).toBe(
      'explain/too-many-rows: Explain at most 100 rows at once, not 101. Pick fewer rows.',
    );
    expect(
      errorOf(
        await h.send({
          type: 'explain/rows',
          runId: 'r1',
          rows: Int32Array.from([0]),
          method: 'integrated-gradients',
          baseline: 'mean',
          steps: 0,
        }),
      ),
    ).toBe(
      'explain/bad-steps: steps must be a whole number from 1 to 10000, got 0. 64 is usual; more makes Integrated Gradients sum more exactly to the change in prediction.',
    );
    expect(
      errorOf(await h.send({ type: 'explain/pdp', runId: 'r1', column: 'species', ice: false, points: null })),
    ).toBe(
      "explain/target-not-input: 'species' is the model's target, what it predicts; partial dependence follows the" +
        " prediction over one of its input columns: 'island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm'," +
        " 'body_mass_g', 'sex', 'year'. Give one of those.",
    );
    expect(errorOf(await h.send({ type: 'explain/importance', runId: 'nope', repeats: null, seed: null }))).toBe(
      'run/no-model: This run has no trained model. Train it first (a run that failed keeps no weights).',
    );
    expect(errorOf(await h.send({ type: 'explain/importance', runId: 'r1', repeats: 0, seed: null }))).toBe(
      'explain/bad-repeats: repeats must be a whole number from 1 to 1000, got 0. 5 is usual; more narrows the ± interval.',
    );
    const grid = (points: number) =>
      h.send({ type: 'explain/pdp', runId: 'r1', column: 'bill_length_mm', ice: false, points });
    for (const points of [1, 101, 2.5]) {
      expect(errorOf(await grid(points))).toBe(
        `explain/bad-grid: The grid must have a whole number of points from 2 to 100, got ${points}. 20 is usual.`,
      );
    }
    // Nothing of a failed request is left running: the next one answers.
    expect((await grid(3)).at(-1)?.type).toBe('explain/pdp-done');
  });

  it("says a run without test rows has nothing to measure, and a fresh worker must load the run's data", async () => {
    const [exported] = await h.send({ type: 'model/export', runId: 'r1' });
    if (exported?.type !== 'model/exported') throw new Error('no export');
    await h.send({
      type: 'model/load',
      runId: 'no-test',
      model: exported.json,
      settings: { ...settings, split: { validation: 0.1, test: 0 } },
    });
    expect(errorOf(await h.send({ type: 'explain/importance', runId: 'no-test', repeats: null, seed: null }))).toBe(
      'explain/no-test-rows: The test split has no rows, so there is nothing to measure importance on. Set a test fraction above 0 on the Data view and train again.',
    );
    const events: EngineEvent[] = [];
    const fresh = new EngineService((e) => events.push(e));
    await fresh.handle({ type: 'model/load', id: 1, runId: 'r1', model: exported.json, settings });
    await fresh.handle({ type: 'explain/pdp', id: 2, runId: 'r1', column: 'island', ice: false, points: null });
    expect(errorOf(events)).toBe("run/no-table: Load the run's dataset on the Data view to evaluate it.");
  });
});
