/** Train one trial step in this thread through the run pipeline's train step: what every executor (local, worker_threads, Web Worker) ends up calling. */
import { train } from '../run/index.ts';
import { crossValidate } from './cross-validate.ts';
import type { TrialContext, TrialJob, TrialJobResult } from './executor.ts';

export type { TrialContext } from './executor.ts';

/** Train `job` (once per fold when it is cross-validated); rejects with the training error (e.g. divergence) when it fails. */
export async function trainTrialJob(job: TrialJob, c: TrialContext): Promise<TrialJobResult> {
  return job.folds ? crossValidate(job, job.folds, c, trainOnce) : trainOnce(job, c);
}

async function trainOnce(job: TrialJob, c: TrialContext): Promise<TrialJobResult> {
  const result = await train({
    spec: job.spec,
    data: c.data,
    backend: c.backend,
    control: c.control,
    yieldToHost: c.yieldToHost,
    from: job.initialWeights ? { weights: job.initialWeights, optimizer: job.initialOptimizer ?? null } : null,
    returnOptimizer: job.returnWeights,
    onEvent: (e) => {
      if (e.type === 'epoch') c.onEpoch(e.summary);
      else if (e.type === 'progress')
        c.onProgress?.({ epoch: e.epoch, epochs: e.epochs, batch: e.batch, batches: e.batches, loss: e.loss });
    },
  });
  return {
    history: result.history,
    weights: job.returnWeights ? result.weights : null,
    optimizer: job.returnWeights ? (result.optimizer ?? null) : null,
    stopReason: result.stopReason,
    bestEpoch: result.bestEpoch,
  };
}
