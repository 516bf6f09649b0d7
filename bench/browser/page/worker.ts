/** The benchmark worker: loads the workload's data, trains one contender, answers with its timings. */
import { fnv1a, type RunRequest, type RunResult, type WorkerAnswer, type WorkerRequest } from '../protocol.ts';
import { browserInfo } from './info.ts';
import type { RunData } from './progress.ts';

async function loadData(r: RunRequest): Promise<RunData> {
  const res = await fetch(r.dataUrl);
  if (!res.ok) throw new Error(`GET ${r.dataUrl}: ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const hash = fnv1a(bytes);
  if (hash !== r.dataHash) throw new Error(`the data file's hash ${hash} is not the ${r.dataHash} Node wrote`);
  const w = r.workload;
  const all = new Float32Array(bytes.buffer);
  if (all.length !== w.rows * (w.features + 1))
    throw new Error(`${r.dataUrl} holds ${all.length} floats; ${w.id} needs ${w.rows * (w.features + 1)}`);
  // Copies, so the full file can be collected: only the rows trained on stay in memory.
  return {
    x: all.slice(0, r.rows * w.features),
    y: all.slice(w.rows * w.features, w.rows * w.features + r.rows),
    rows: r.rows,
  };
}

async function run(r: RunRequest): Promise<RunResult> {
  const data = await loadData(r);
  if (r.contender.startsWith('engine-')) return (await import('./engine-run.ts')).runEngine(r, data);
  return (await import('./tfjs-run.ts')).runTfjs(r, data);
}

async function handle(request: WorkerRequest): Promise<WorkerAnswer> {
  if (request.type === 'info') return { ok: true, info: await browserInfo() };
  if (request.type === 'matmul')
    return { ok: true, matmul: await (await import('./matmul-run.ts')).runMatmul(request.matmul) };
  return { ok: true, result: await run(request.run) };
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  handle(e.data).then(
    (answer) => self.postMessage(answer),
    (err: unknown) =>
      self.postMessage({
        ok: false,
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      } satisfies WorkerAnswer),
  );
};
