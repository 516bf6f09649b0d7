/** Starting, continuing and controlling training runs: the engine requests, and the run list they change. */
import type { NetworkSpec, WireError } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine/engine-client.ts';
import { asWireError } from '../lib/wire-error.ts';
import type { DatasetState } from './dataset.svelte.ts';
import { followRun, newRunId } from './follow-run.ts';
import { TrainingRun } from './training-run.svelte.ts';

/** What launching runs uses of the project (the project passes itself; this module never imports it). */
export interface LaunchProject {
  readonly engine: EngineClient;
  readonly dataset: DatasetState;
  readonly spec: NetworkSpec;
  readonly activeRun: TrainingRun | null;
  runs: TrainingRun[];
  currentRunId: string | null;
  continueError: { runId: string; error: WireError } | null;
  isContinuing: boolean;
  /** Record the change (dirty, re-check, autosave). */
  touch(): void;
  ensureModel(run: TrainingRun): Promise<boolean>;
  evaluate(run: TrainingRun): Promise<void>;
  releaseRuns(): Promise<void>;
}

/** Start a run with the project's current spec and data settings. */
export async function startTraining(p: LaunchProject): Promise<TrainingRun | null> {
  const settings = p.dataset.settings;
  if (!settings || p.activeRun) return null;
  const id = newRunId();
  const run = new TrainingRun({
    id,
    name: `Run ${p.runs.length + 1}`,
    spec: p.spec,
    settings: $state.snapshot(settings),
    dataset: p.dataset.table?.name ?? null,
  });
  p.runs = [...p.runs, run];
  p.currentRunId = id;
  const off = followRun(
    p.engine,
    id,
    () => run,
    (r) => void afterRun(p, r),
  );
  try {
    await p.engine.request({ type: 'train/start', runId: id, spec: run.spec, settings: run.settings });
  } catch (e) {
    off();
    run.fail(asWireError(e));
  }
  p.touch();
  return run;
}

/**
 * Continue `from` (finished or stopped) for `epochs` more epochs as a new run, "Run k (continues Run j)":
 * from's network, data settings and training settings, its weights and (when the engine still holds it)
 * its optimizer state. The new run starts with from's history, so epochs and charts go on from there.
 */
export async function continueTraining(
  p: LaunchProject,
  from: TrainingRun,
  epochs: number,
): Promise<TrainingRun | null> {
  if (p.activeRun || p.isContinuing || from.isActive) return null;
  p.continueError = null;
  p.isContinuing = true;
  const id = newRunId();
  const name = `Run ${p.runs.length + 1} (continues ${from.name.replace(/ \(continues .*\)$/, '')})`;
  const spec: NetworkSpec = { ...from.spec, training: { ...from.training, epochs: from.history.length + epochs } };
  let run: TrainingRun | null = null;
  // The run is added once the engine accepts it, so a refusal leaves no failed run behind.
  const off = followRun(
    p.engine,
    id,
    (event) => {
      if (!run && event.type === 'train/started') {
        run = TrainingRun.continuing(from, { id, name, spec });
        p.runs = [...p.runs, run];
        p.currentRunId = id;
      }
      return run;
    },
    (r) => void afterRun(p, r),
  );
  try {
    await p.ensureModel(from);
    await p.engine.request({ type: 'train/continue', runId: id, fromRunId: from.id, epochs });
  } catch (e) {
    off();
    p.continueError = { runId: from.id, error: asWireError(e) };
    return null;
  } finally {
    p.isContinuing = false;
  }
  p.touch();
  return run;
}

/** A run ended: keep its model file, free what the engine holds for dropped runs, evaluate it when shown. */
async function afterRun(p: LaunchProject, run: TrainingRun): Promise<void> {
  if (run.weights?.length) {
    try {
      run.model = (await p.engine.request({ type: 'model/export', runId: run.id })).json;
    } catch (e) {
      run.evaluationError = asWireError(e);
    }
  }
  p.touch();
  void p.releaseRuns();
  if (run.hasModel && p.currentRunId === run.id) await p.evaluate(run);
}

/** Pause, resume or stop an active run; a refused request fails the run with the engine's message. */
export async function controlRun(
  engine: Pick<EngineClient, 'request'>,
  run: TrainingRun,
  action: 'pause' | 'resume' | 'stop',
): Promise<void> {
  if (action === 'stop') run.status = 'stopping';
  try {
    const type =
      action === 'pause'
        ? ('train/pause' as const)
        : action === 'resume'
          ? ('train/resume' as const)
          : ('train/stop' as const);
    const reply = await engine.request({ type, runId: run.id });
    if (run.isActive) run.setState(reply.state);
  } catch (e) {
    run.fail(asWireError(e));
  }
}
