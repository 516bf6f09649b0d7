/**
 * The session family: the worker saying it is ready, and errors, which answer any request (by its `id`)
 * or belong to a run that failed outside a request (`id` null, `runId` set).
 */
import type { Problem } from '../errors.ts';
import type { BackendChoice } from '../spec/index.ts';
import { event } from './fields.ts';

/**
 * Bumped when a message changes shape or name (2: `train/started` is a run event; `train/start` is answered by
 * `train/state`; 3: a network check is `network/check`).
 */
export const PROTOCOL_VERSION = 3;

/**
 * Every kind of failure a host can be told about, one name each: the engine's user errors (spec, data, training,
 * a run's state, model file, backend, sweep, export, explanation), a malformed message, the engine worker having
 * stopped (named by the app, never by the engine), and `Error`: a bug.
 */
export const WIRE_ERROR_NAMES = [
  'SpecError',
  'DatasetError',
  'TrainingError',
  'RunError',
  'ModelFileError',
  'BackendError',
  'SweepError',
  'ExportError',
  'ExplainError',
  'ProtocolError',
  'EngineStoppedError',
  'Error',
] as const;

/** One of `WIRE_ERROR_NAMES`. */
export type WireErrorName = (typeof WIRE_ERROR_NAMES)[number];

function wireName(name: string): WireErrorName {
  return WIRE_ERROR_NAMES.find((n) => n === name) ?? 'Error';
}

/** An error as it crosses the wire: the engine's typed errors keep their code, path and problems. */
export interface WireError {
  /** The kind of failure; `Error` for a bug (its message then asks to report it). */
  name: WireErrorName;
  code: string;
  path: string;
  message: string;
  problems: Problem[];
}

/** The session events. */
export const SESSION_EVENTS = {
  /** The worker started; lists the backends this browser can run. */
  ready: event<{ version: number; backends: BackendChoice[] }>()({ version: 'number', backends: 'array' }),
  /** A request failed (`id`), or a run failed outside a request (`id` null, `runId` set). */
  error: event<{ id: number | null; runId: string | null; error: WireError }>()({
    id: 'number?',
    runId: 'string?',
    error: 'object',
  }),
};

/** A thrown value as a WireError, keeping a user error's code, path and problems. */
export function toWireError(e: unknown): WireError {
  if (e instanceof Error) {
    const fields = e as Error & { code?: unknown; path?: unknown; problems?: unknown };
    const problems = Array.isArray(fields.problems) ? (fields.problems as Problem[]) : [];
    return {
      name: wireName(e.name),
      code: typeof fields.code === 'string' ? fields.code : 'internal',
      path: typeof fields.path === 'string' ? fields.path : '',
      message: e.message,
      problems,
    };
  }
  return {
    name: 'Error',
    code: 'internal',
    path: '',
    message: `Internal error (please report): ${String(e)}`,
    problems: [],
  };
}
