/** How the app follows a run's engine events: one id scheme and one listener for every way a run starts. */
import type { EngineClient, RunEvent } from '../engine/engine-client.ts';
import type { TrainingRun } from './training-run.svelte.ts';

/** A new run's id, unique within the session. */
export function newRunId(): string {
  return `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
}

/**
 * Send run `id`'s events to the run `runFor` gives (it may make the run on the engine's 'train/started',
 * so a refused start leaves no run behind; null: not yet), and call `done` once when the run ends.
 * Returns the unsubscribe, for a start the engine refused.
 */
export function followRun(
  engine: Pick<EngineClient, 'onRun'>,
  id: string,
  runFor: (event: RunEvent) => TrainingRun | null,
  done: (run: TrainingRun) => void,
): () => void {
  const off = engine.onRun(id, (event) => {
    const run = runFor(event);
    if (!run) return;
    run.handle(event);
    if (event.type === 'train/done' || (event.type === 'error' && event.id === null)) {
      off();
      done(run);
    }
  });
  return off;
}
