/** Any thrown value as the wire error the UI shows beside the field or action that failed. */
import type { WireError } from '../../engine/protocol/index.ts';
import { EngineRequestError } from '../engine/engine-client.ts';
import { errorMessage } from './error-message.ts';

/** A failed engine request's wire error, or any other thrown value as an internal one. */
export function asWireError(e: unknown): WireError {
  if (e instanceof EngineRequestError) return e.wire;
  return { name: 'Error', code: 'internal', path: '', message: errorMessage(e), problems: [] };
}
