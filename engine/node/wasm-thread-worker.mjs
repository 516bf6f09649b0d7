// Entry of a wasm helper thread under worker_threads (see wasm-thread-host.ts). Plain JavaScript,
// since Node does not pass tsx's loader on to worker threads; tsx's API loads the TypeScript body.
import { tsImport } from 'tsx/esm/api';

await tsImport('./wasm-thread-worker.ts', import.meta.url);
