/**
 * Open model…: a model file (picked, dropped, or from the desktop File menu) checked by the engine and added
 * to the project as a run named after the file, with its curves, its stored metrics and its weights in the worker.
 */
import type { ReplyOf, TrainingSpec, WireError } from '../../engine/protocol/index.ts';
import { asWireError } from '../lib/wire-error.ts';
import { newRunId } from './follow-run.ts';
import { splitOutput } from '../lib/layers.ts';
import type { NetworkEditor } from './network-editor.svelte.ts';
import type { RunRecord } from './run-record.ts';
import { TrainingRun } from './training-run.svelte.ts';

/** The largest model file the app reads (the engine refuses bigger texts too). */
export const MAX_MODEL_FILE_BYTES = 256 * 1024 * 1024;

/** The messages of opening a model file that the app says before the engine sees the file. */
export const openModelMessages = {
  tooLarge: (file: string, bytes: number): string =>
    `${file} is ${Math.round(bytes / 1024 / 1024)} MB, larger than ` +
    `the ${MAX_MODEL_FILE_BYTES / 1024 / 1024} MB any model file this app opens. Open the model file a run exported.`,
  empty: (file: string): string => `${file} is empty. Open a model file (.json) exported by Backprop Studio.`,
  opened: (file: string, run: string): string => `Opened ${file} as run "${run}".`,
};

/** What opening needs from the project. */
export interface OpenerProject {
  runs: TrainingRun[];
  readonly dataset: { readonly table: { readonly name: string } | null };
  readonly engine: {
    request(body: {
      type: 'model/open';
      runId: string;
      model: string;
      fileName: string;
    }): Promise<ReplyOf['model/open']>;
  };
  /** Record the change (dirty, autosave). */
  touch(): void;
  /** Show the run (and evaluate it when it can be). */
  selectRun(run: TrainingRun): void;
}

/** The run's name: the file's name without `.model.json` or `.json`. */
export function runNameOf(fileName: string): string {
  return fileName.replace(/(\.model)?\.json$/i, '').trim() || fileName;
}

const STOP_REASONS = ['completed', 'earlyStopping', 'stopped'] as const;

/** The run record of an opened model file. */
function recordOf(
  id: string,
  fileName: string,
  text: string,
  reply: ReplyOf['model/open'],
  table: string | null,
): RunRecord {
  const o = reply.opened;
  const stopReason = STOP_REASONS.find((r) => r === o.stopReason) ?? 'completed';
  return {
    id,
    name: runNameOf(fileName),
    createdAt: Date.now(),
    spec: o.spec,
    // Without settings (no dataset, missing columns) the run names its target only; `opened.dataProblem` says why.
    settings: o.settings ?? { target: '' },
    status: 'done',
    backend: o.backend
      ? { name: o.backend, label: o.backend, reason: `Trained outside this project (${fileName}).` }
      : null,
    summary: o.summary,
    history: o.history,
    batches: { x: [], loss: [] },
    diagnostics: [],
    stopReason,
    bestEpoch: o.bestEpoch,
    error: null,
    model: text,
    dataset: o.settings ? table : null,
    opened: { file: fileName, metrics: o.metrics, dataProblem: o.dataProblem },
  };
}

/** Opening model files into the project; `error` is what went wrong with the last one (shown beside the button). */
export class ModelOpener {
  error = $state.raw<WireError | null>(null);
  isOpening = $state(false);
  readonly #project: OpenerProject;

  constructor(project: OpenerProject) {
    this.#project = project;
  }

  /** Open `blob` (named `fileName`) as a new run and show it; null (and `error` set) when it cannot be opened. */
  async open(fileName: string, blob: Blob): Promise<TrainingRun | null> {
    this.error = null;
    const early =
      blob.size > MAX_MODEL_FILE_BYTES
        ? openModelMessages.tooLarge(fileName, blob.size)
        : blob.size === 0
          ? openModelMessages.empty(fileName)
          : null;
    if (early) {
      this.error = { name: 'ModelFileError', code: 'model/file', path: '', message: early, problems: [] };
      return null;
    }
    this.isOpening = true;
    try {
      const text = await blob.text();
      const id = newRunId();
      const reply = await this.#project.engine.request({ type: 'model/open', runId: id, model: text, fileName });
      const run = TrainingRun.fromRecord(
        recordOf(id, fileName, text, reply, this.#project.dataset.table?.name ?? null),
      );
      run.weights = reply.weights;
      run.isInWorker = true;
      this.#project.runs = [...this.#project.runs, run];
      this.#project.touch();
      this.#project.selectRun(run);
      return run;
    } catch (e) {
      this.error = asWireError(e);
      return null;
    } finally {
      this.isOpening = false;
    }
  }
}

/**
 * Use this network: an opened run's layers and training settings go to the Model view as one undo step (Undo
 * brings the user's network back); the project's seed and backend stay.
 */
export function useNetworkOf(
  run: TrainingRun,
  network: Pick<NetworkEditor, 'applyConfiguration'>,
  training: TrainingSpec,
): void {
  const { hidden, output } = splitOutput(run.spec.layers);
  network.applyConfiguration(structuredClone(hidden), structuredClone(output), {
    ...structuredClone(run.training),
    seed: training.seed,
    backend: training.backend,
  });
}
