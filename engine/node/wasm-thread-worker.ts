/** Entry of a wasm helper thread under worker_threads (see wasm-thread-host.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { runKernelWorker, type KernelWorkerInit } from '../backend/wasm/index.ts';

if (!parentPort) throw new Error('wasm-thread-worker.ts must run as a worker thread');
const port = parentPort;
await runKernelWorker(workerData as KernelWorkerInit, () => port.postMessage('ready'));
