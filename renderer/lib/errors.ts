/** Turning whatever a `catch` caught into words or a wire error the UI can show. */
import type { WireError } from '../../engine/protocol.ts';
import { EngineRequestError } from '../engine/engine-client.ts';

/** The message of a thrown value: an Error's message, anything else as text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A failed engine request's wire error, or any other thrown value as an internal one. */
export function asWireError(e: unknown): WireError {
  if (e instanceof EngineRequestError) return e.wire;
  return { name: 'Error', code: 'internal', path: '', message: errorMessage(e), problems: [] };
}
