/**
 * The training requests: start a run, continue an earlier one (through the worker's run adapter), and pause,
 * resume or stop a run in progress.
 */
import type { DatasetSettings } from '../data/index.ts';
import { RunError } from '../errors.ts';
import type { EngineEvent, EngineRequest } from '../protocol/index.ts';
import { parseSpec, type NetworkSpec } from '../spec/index.ts';
import { resolveTraining } from '../train/index.ts';
import { planContinuation, type Continuation } from './continue-run.ts';
import { continueMessages, runMessages } from './messages.ts';
import { seedOf } from './network-check.ts';
import type { RunEntry } from './run-entry.ts';
import type { TableStore } from './table-store.ts';
import { trainInWorker } from './train-run.ts';

/** The training requests, as messages. */
export type TrainRequest = Extract<EngineRequest, { type: `train/${string}` }>;

/** What the training requests work on: the loaded table, the worker's runs, and where events go. */
export interface TrainHost {
  tables: TableStore;
  runs: Map<string, RunEntry>;
  post: (event: EngineEvent) => void;
}

/** Answer one training request. */
export async function handleTrain(req: TrainRequest, host: TrainHost): Promise<void> {
  switch (req.type) {
    case 'train/start':
      await train(req.id, req.runId, req.spec, req.settings, null, host);
      return;
    case 'train/continue': {
      const from = planContinuation(host.runs.get(req.fromRunId), req.fromRunId, req.epochs, host.tables);
      await train(req.id, req.runId, from.spec, from.settings, from, host);
      return;
    }
    case 'train/pause':
    case 'train/resume':
    case 'train/stop': {
      const entry = host.runs.get(req.runId);
      const control = entry?.control;
      if (!control) throw new RunError(runMessages.notRunning());
      entry.events?.flush();
      if (req.type === 'train/pause') control.pause();
      else if (req.type === 'train/resume') control.resume();
      else control.stop();
      const state = req.type === 'train/pause' ? 'paused' : req.type === 'train/resume' ? 'running' : 'stopping';
      host.post({ type: 'train/state', id: req.id, runId: req.runId, state });
      return;
    }
  }
}

/** Train run `runId`, from scratch or continuing an earlier run (`from`), through the worker's run adapter. */
async function train(
  id: number,
  runId: string,
  rawSpec: NetworkSpec,
  settings: DatasetSettings,
  from: Continuation | null,
  host: TrainHost,
): Promise<void> {
  const spec = parseSpec(rawSpec);
  const prepared = from?.prepared ?? host.tables.prepare(settings, seedOf(spec));
  const epoch = (from?.history.length ?? 0) + 1;
  const note: EngineEvent | null =
    from && !from.optimizer
      ? {
          type: 'train/diagnostic',
          runId,
          diagnostic: {
            code: 'optimizerReset',
            level: 'info',
            message: continueMessages.freshOptimizer(resolveTraining(spec.training).optimizer.type, epoch),
            epoch,
            layer: null,
          },
        }
      : null;
  await trainInWorker(
    { id, runId, spec, settings, prepared, from, note },
    { tables: host.tables, post: host.post, addRun: (key, run) => host.runs.set(key, run) },
  );
}
