/**
 * A training run as the project file stores it: a plain module (no runes), so the file format can be read
 * and checked without the live run state.
 */
import type {
  DatasetSettings,
  DatasetSummary,
  DiagnosticRecord,
  EpochRecord,
  NetworkSpec,
  OpenedModel,
  StopReason,
  WireError,
} from '../../engine/protocol/index.ts';
import { isRecord } from '../lib/is-record.ts';

/** Where a run is in its life. */
export type RunStatus = 'starting' | 'running' | 'paused' | 'stopping' | 'done' | 'failed';

/** Loss samples between epoch ends: x is the fractional epoch (1.5 = halfway through epoch 2). */
export interface BatchSeries {
  x: number[];
  loss: number[];
}

/** The backend that actually runs. */
export interface RunBackend {
  name: string;
  label: string;
  reason: string;
}

/** The run a run continues, and how many epochs that run had trained when this one took over. */
export interface RunLink {
  runId: string;
  name: string;
  epochs: number;
}

/** Where an opened run came from: a model file, with the metrics it stored. */
export interface RunOrigin {
  /** The model file's name. */
  file: string;
  /** The metrics per split the file stored when the model was written. */
  metrics: OpenedModel['metrics'];
  /** Why the dataset loaded when it was opened cannot evaluate it (no dataset, missing columns), or null. */
  dataProblem: string | null;
}

/** A stored `opened` field: absent or null (a run trained here), or where the run was opened from. */
export function readRunOrigin(v: unknown): RunOrigin | null {
  if (!isRecord(v) || typeof v.file !== 'string' || !isRecord(v.metrics)) return null;
  return {
    file: v.file,
    metrics: v.metrics as OpenedModel['metrics'],
    dataProblem: typeof v.dataProblem === 'string' ? v.dataProblem : null,
  };
}

/** A run as stored in a project file. */
export interface RunRecord {
  id: string;
  name: string;
  createdAt: number;
  spec: NetworkSpec;
  settings: DatasetSettings;
  status: RunStatus;
  backend: RunBackend | null;
  summary: DatasetSummary | null;
  history: EpochRecord[];
  batches: BatchSeries;
  diagnostics: DiagnosticRecord[];
  stopReason: StopReason | null;
  bestEpoch: number;
  error: WireError | null;
  /** The model file JSON, once the run has ended with weights. */
  model: string | null;
  /** The run this one continues (absent in older files: none). */
  continues?: RunLink | null;
  /** The file name of the dataset the run was trained on (absent in older files: not known). */
  dataset?: string | null;
  /**
   * The run was still training when this record was written (an autosave during training, then a reload
   * or crash): its epochs are kept, its weights are not. `unreported` until the user has been told once.
   */
  interrupted?: RunInterruption;
  /** The model file the run was opened from (absent or null: trained in the app). */
  opened?: RunOrigin | null;
}

/** Whether the user has been told that an interrupted run lost its weights. */
export type RunInterruption = 'unreported' | 'reported';
