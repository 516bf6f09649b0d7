/** What a sweep uses of the project, and where it is: the types the sweep's modules share. */
import type { NetworkSpec } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine/engine-client.ts';
import type { DatasetState } from './dataset.svelte.ts';
import type { NetworkEditor } from './network-editor.svelte.ts';
import type { SpaceSource } from './sweep-space.svelte.ts';
import type { TrainingRun } from './training-run.svelte.ts';

/** Where the sweep is. */
export type SweepPhase = 'idle' | 'starting' | 'running' | 'stopping' | 'completed' | 'cancelled' | 'failed';

/** A sweep started from a ready search-space file and base network ("Find a good network"), not the space editor. */
export interface SweepPreset {
  /** The search-space file (engine/sweep/README.md). */
  space: Record<string, unknown>;
  /** The network the trials change (its seed is the project's, so the data split is too). */
  spec: NetworkSpec;
  /** Called once when the sweep has ended, however it ended. */
  onEnd: (end: SweepEnd) => void;
}

/** How a sweep ended: as its phase says, or 'replaced' by a project that was opened or cleared. */
export type SweepEnd = 'completed' | 'cancelled' | 'failed' | 'replaced';

/** What the sweep uses of the project (the project passes itself; the sweep's modules never import it). */
export interface SweepProject extends SpaceSource {
  readonly engine: EngineClient;
  readonly dataset: DatasetState;
  readonly network: NetworkEditor;
  readonly spec: NetworkSpec;
  readonly activeRun: TrainingRun | null;
  runs: TrainingRun[];
  currentRunId: string | null;
  touch(): void;
  modelJson(run: TrainingRun): Promise<string>;
  evaluate(run: TrainingRun): Promise<void>;
  control(run: TrainingRun, action: 'stop'): Promise<void>;
}
