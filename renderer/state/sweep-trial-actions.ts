/**
 * The sweep's requests that are not the live sweep: the engine's check of the space being edited, and what the
 * app does with one trial of a finished sweep: apply its configuration to the model (one undo step), or retrain
 * it on train+validation as a new run that is listed, evaluated and exportable like any other.
 */
import type {
  DatasetSettings,
  NetworkSpec,
  Problem,
  SweepCheck,
  TrialRecord,
  WireError,
} from '../../engine/protocol/index.ts';
import { asWireError } from '../lib/wire-error.ts';
import { followRun, newRunId } from './follow-run.ts';
import { splitOutput } from '../lib/layers.ts';
import type { SweepProject } from './sweep-project.ts';
import { cores, type SweepSpace } from './sweep-space.svelte.ts';
import { TrainingRun } from './training-run.svelte.ts';

/** The engine's check of `space` against the current network and data (`settings` null: no data yet). */
export async function checkSpace(
  p: SweepProject,
  space: SweepSpace,
  settings: DatasetSettings | null,
): Promise<{ check: SweepCheck | null; problems: Problem[] }> {
  if (!settings || !p.dataset.table) {
    const message = 'Load a dataset and choose the target column on the Data view first.';
    return { check: null, problems: [{ code: 'sweep/no-data', path: '', message }] };
  }
  try {
    const reply = await p.engine.request({
      type: 'sweep/check',
      space: { ...space.json },
      spec: p.spec,
      settings,
      cores: cores(),
      concurrency: space.concurrencyValue,
    });
    return { check: reply.check, problems: reply.problems };
  } catch (e) {
    return { check: null, problems: [{ code: 'internal', path: '', message: asWireError(e).message }] };
  }
}

/** Apply a trial's layers and training settings to the model as one undo step (seed and backend stay). */
export async function applyTrial(p: SweepProject, base: NetworkSpec, record: TrialRecord): Promise<void> {
  const reply = await p.engine.request({ type: 'sweep/apply', spec: base, params: record.params });
  const { hidden, output } = splitOutput(reply.spec.layers);
  const keep = { seed: p.training.seed, backend: p.training.backend };
  // One undo step for the layers and the training settings: Undo brings back the learning rate too.
  p.network.applyConfiguration(hidden, output, { ...reply.spec.training, ...keep });
}

/**
 * Retrain a trial's configuration on train+validation for its kept epochs, as a new run; the run is added
 * once the engine accepts it, so a refusal (returned as `error`) leaves no failed run behind.
 */
export async function retrainTrial(
  p: SweepProject,
  base: NetworkSpec,
  settings: DatasetSettings,
  record: TrialRecord,
  name = `Sweep trial ${record.trial} (train+val)`,
): Promise<{ run: TrainingRun | null; error: WireError | null }> {
  const runId = newRunId();
  let run: TrainingRun | null = null;
  const off = followRun(
    p.engine,
    runId,
    (event) => {
      if (!run && event.type === 'train/started') {
        run = new TrainingRun({ id: runId, name, spec: event.spec, settings, dataset: p.dataset.table?.name ?? null });
        p.runs = [...p.runs, run];
        p.currentRunId = runId;
      }
      return run;
    },
    (r) => void afterRetrain(p, r),
  );
  try {
    const epochs = Math.max(1, record.keptEpoch);
    await p.engine.request({ type: 'sweep/retrain', runId, spec: base, settings, params: record.params, epochs });
  } catch (e) {
    off();
    return { run, error: asWireError(e) };
  }
  return { run, error: null };
}

async function afterRetrain(p: SweepProject, run: TrainingRun): Promise<void> {
  if (run.weights?.length) {
    try {
      await p.modelJson(run);
    } catch (e) {
      run.evaluationError = asWireError(e);
    }
  }
  p.touch();
  if (run.hasModel && p.currentRunId === run.id) await p.evaluate(run);
}
