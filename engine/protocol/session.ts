/**
 * The session family: the worker saying it is ready, and errors, which answer any request (by its `id`)
 * or belong to a run that failed outside a request (`id` null, `runId` set).
 */
import type { Problem } from '../errors.ts';
import type { BackendChoice } from '../spec/index.ts';
import { event } from './fields.ts';

/** Bumped when a message changes shape (2: `train/started` is a run event; `train/start` is answered by `train/state`). */
export const PROTOCOL_VERSION = 2;

/** An error as it crosses the wire: the engine's typed errors keep their code, path and problems. */
export interface WireError {
  /** `SpecError`, `DatasetError`, `TrainingError`, `ModelFileError`, `BackendError`, or `Error` for bugs. */
  name: string;
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
  error: event<{ id: number | null; runId: string | null; error: WireError }>()({ id: 'number?', runId: 'string?', error: 'object' }),
};

/** A thrown value as a WireError, keeping a user error's code, path and problems. */
export function toWireError(e: unknown): WireError {
  if (e instanceof Error) {
    const fields = e as Error & { code?: unknown; path?: unknown; problems?: unknown };
    const problems = Array.isArray(fields.problems) ? (fields.problems as Problem[]) : [];
    return {
      name: e.name,
      code: typeof fields.code === 'string' ? fields.code : 'internal',
      path: typeof fields.path === 'string' ? fields.path : '',
      message: e.message,
      problems,
    };
  }
  return { name: 'Error', code: 'internal', path: '', message: `Internal error (please report): ${String(e)}`, problems: [] };
}

/** True when a wire error is one the user can fix (its message is meant for them). */
export function isUserWireError(e: WireError): boolean {
  return e.name !== 'Error' && e.name !== 'ProtocolError' && e.code !== 'internal';
}
