/** Backends as a Node host offers them: wasm on every core (worker_threads), and gpu.js's `cpu` mode (no CSP here). */
import { availableParallelism } from 'node:os';
import { gpujsProvider, registerBackend } from '../backend/index.ts';
import { wasmBackendProvider } from '../backend/wasm/index.ts';
import { nodeThreadHost } from './wasm-thread-host.ts';

/** Register the Node backends (call once, before choosing a backend); `threads: false` keeps wasm on one thread. */
export function registerNodeBackends(options: { threads?: boolean } = {}): void {
  if (options.threads !== false && availableParallelism() > 1) {
    const cores = availableParallelism();
    registerBackend(
      wasmBackendProvider({
        threads: { host: nodeThreadHost, count: cores, reason: `${cores} threads, one per logical CPU` },
      }),
    );
  }
  registerBackend(gpujsProvider('cpu', true));
}
