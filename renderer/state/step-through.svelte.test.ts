import { describe, expect, it } from 'vitest';
import { smallTrace } from '../lib/fixtures/step-through-trace.ts';
import type { RequestBody } from '../engine/engine-client.ts';
import type { Project } from './project.svelte.ts';
import { StepThrough } from './step-through.svelte.ts';

/** The parts of a Project the step-through reads, with an engine that answers from a fixture. */
function fakeProject() {
  const sent: RequestBody[] = [];
  const spec = { layers: [{ id: 'h', type: 'dense', units: 3 }], training: { seed: 42 } };
  const project = {
    training: { seed: 42, optimizer: { type: 'sgd', learningRate: 0.1 } },
    runs: [],
    spec,
    check: { problems: [], layers: [], totalParams: 0, task: null },
    network: { layers: spec.layers },
    dataset: {
      table: { rows: 12 },
      summary: { rows: { train: 10, validation: 1, test: 1 } },
      settings: { target: 'y' },
    },
    ensureModel: async () => true,
    engine: {
      request: async (body: RequestBody) => {
        sent.push(body);
        if (body.type === 'step/trace') return { type: 'step/traced', id: 1, trace: smallTrace() };
        return {
          type: 'data/rows',
          id: 2,
          start: 0,
          indices: null,
          cells: [
            ['1', '2', 'yes'],
            ['3', '4', 'no'],
          ],
        };
      },
    },
  };
  return { project: project as unknown as Project, sent };
}

describe('StepThrough state', () => {
  it('traces the initial weights of the current spec on the chosen rows, then fetches those rows', async () => {
    const { project, sent } = fakeProject();
    const step = new StepThrough(project);
    step.setRows(4, 2);
    await Promise.resolve();
    await step.load();
    const trace = sent.find((r) => r.type === 'step/trace');
    if (trace?.type !== 'step/trace') throw new Error('no step/trace');
    expect(trace.source.kind).toBe('initial');
    expect(Array.from(trace.positions)).toEqual([3, 4]);
    expect(trace.learningRate).toBeNull();
    const rows = sent.find((r) => r.type === 'data/rows');
    expect(rows?.type === 'data/rows' && Array.from(rows.indices ?? [])).toEqual([20, 21]);
    expect(step.trace?.rows).toBe(2);
    expect(step.cells).toHaveLength(2);
    expect(step.tracedFrom).toBe('the initial weights of the current network (seed 42)');
    expect(step.stages).toHaveLength(8);
  });

  it('keeps the rows inside the training split and at most 32', () => {
    const { project } = fakeProject();
    const step = new StepThrough(project);
    step.setRows(9, 5);
    expect([step.row, step.count]).toEqual([6, 5]);
    step.setRows(-3, 100);
    expect([step.row, step.count]).toEqual([1, 10]);
  });

  it('selects the largest gradient of each layer the backward pass reaches, unless the user picked one', async () => {
    const { project } = fakeProject();
    const step = new StepThrough(project);
    await step.load();
    step.go(4);
    expect(step.selected?.column).toBe(2);
    step.next();
    expect(step.selected?.column).toBe(1);
    step.select({ column: 2, from: 0, to: 1 });
    step.go(5);
    expect(step.selected).toEqual({ column: 2, from: 0, to: 1 });
    step.go(99);
    expect(step.stage?.phase).toBe('update');
    step.previous();
    expect(step.stage?.title).toBe('Backward · the inputs');
    step.previous();
    expect(step.stage?.title).toBe('Backward · layer h');
  });
});
