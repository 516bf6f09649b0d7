/** Trial workers as the engine worker starts them: a module Web Worker wrapped as the pool's TrialPort. */
import type { TrialPort } from '../sweep/index.ts';

/** Start one trial worker. */
export function spawnTrialWorker(): TrialPort {
  const worker = new Worker(new URL('./sweep-trial-worker.ts', import.meta.url), {
    type: 'module',
    name: 'backprop-trial',
  });
  let ended = false;
  let terminating = false;
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onExit) {
      const end = (error: Error) => {
        if (ended || terminating) return;
        ended = true;
        onExit(error);
      };
      worker.addEventListener('message', (e: MessageEvent<unknown>) => onMessage(e.data));
      worker.addEventListener('error', (e: ErrorEvent) => {
        e.preventDefault();
        end(new Error(e.message || 'the worker failed to start'));
      });
      worker.addEventListener('messageerror', () => end(new Error('a message could not be read')));
    },
    async terminate() {
      terminating = true;
      worker.terminate();
    },
  };
}
