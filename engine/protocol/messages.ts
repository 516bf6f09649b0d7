/**
 * Every message, from the family tables: the request and event unions, the reply each request expects,
 * and the validators. Adding a message is one entry in its family's table.
 */
import { DATA_EVENTS, DATA_REQUESTS } from './data.ts';
import { EVALUATE_EVENTS, EVALUATE_REQUESTS } from './evaluate.ts';
import { EXPLAIN_EVENTS, EXPLAIN_REQUESTS } from './explain.ts';
import { hasKind, isRecord, ProtocolError, type AnySpec, type UnionOf } from './fields.ts';
import { MEMORY_EVENTS, MEMORY_REQUESTS } from './memory.ts';
import { MODEL_EVENTS, MODEL_REQUESTS } from './model.ts';
import { NETWORK_EVENTS, NETWORK_REQUESTS } from './network.ts';
import { REPORT_EVENTS, REPORT_REQUESTS } from './report.ts';
import { SESSION_EVENTS } from './session.ts';
import { STEP_EVENTS, STEP_REQUESTS } from './step.ts';
import { SWEEP_EVENTS, SWEEP_REQUESTS } from './sweep.ts';
import { TRAIN_EVENTS, TRAIN_REQUESTS } from './train.ts';

const REQUESTS = {
  ...DATA_REQUESTS,
  ...NETWORK_REQUESTS,
  ...MODEL_REQUESTS,
  ...TRAIN_REQUESTS,
  ...EVALUATE_REQUESTS,
  ...MEMORY_REQUESTS,
  ...STEP_REQUESTS,
  ...SWEEP_REQUESTS,
  ...REPORT_REQUESTS,
  ...EXPLAIN_REQUESTS,
};

const EVENTS = {
  ...SESSION_EVENTS,
  ...DATA_EVENTS,
  ...NETWORK_EVENTS,
  ...MODEL_EVENTS,
  ...TRAIN_EVENTS,
  ...EVALUATE_EVENTS,
  ...MEMORY_EVENTS,
  ...STEP_EVENTS,
  ...SWEEP_EVENTS,
  ...REPORT_EVENTS,
  ...EXPLAIN_EVENTS,
};

/** Every request the worker serves (UI → worker). */
export type EngineRequest = UnionOf<typeof REQUESTS>;

/** The `type` of a request. */
export type RequestType = EngineRequest['type'];

/** Every event the worker sends (worker → UI). */
export type EngineEvent = UnionOf<typeof EVENTS>;

/** The `type` of an event. */
export type EventType = EngineEvent['type'];

/** Fails to compile unless every request names an event as its reply. */
type RepliesAreEvents<T extends { readonly [K in RequestType]: EventType }> = T;

type ReplyType = RepliesAreEvents<{ readonly [K in RequestType]: (typeof REQUESTS)[K]['reply'] }>;

/** The reply event each request expects (besides `error`). */
export type ReplyOf = { [K in RequestType]: Extract<EngineEvent, { type: ReplyType[K] }> };

/** Which event type answers each request type. */
export const REPLY_TYPE: ReplyType = Object.fromEntries(
  Object.entries(REQUESTS).map(([type, spec]) => [type, spec.reply]),
) as { [K in RequestType]: ReplyType[K] };

function check<T>(data: unknown, table: Readonly<Record<string, AnySpec>>, side: string): T {
  if (!isRecord(data) || typeof data.type !== 'string') throw new ProtocolError(`${side} without a type`);
  const spec = Object.hasOwn(table, data.type) ? table[data.type] : undefined;
  if (!spec) throw new ProtocolError(`unknown ${side} type '${data.type}'`);
  for (const [key, kind] of Object.entries(spec.fields)) {
    if (!hasKind(data[key], kind)) throw new ProtocolError(`${side} '${data.type}' field '${key}' is not ${kind}`);
  }
  spec.check?.(data);
  return data as T;
}

/** The typed request in `data`, or a ProtocolError. (Nested specs and settings are validated by the engine.) */
export function parseRequest(data: unknown): EngineRequest {
  return check<EngineRequest>(data, REQUESTS, 'request');
}

/** The typed event in `data`, or a ProtocolError. */
export function parseEvent(data: unknown): EngineEvent {
  return check<EngineEvent>(data, EVENTS, 'event');
}

// `data/rows` is both a request and an event; a type may name a transfer on one side only, so the
// buffers of a message are found from its type alone.
const TRANSFERS = new Map<string, (message: unknown) => readonly unknown[]>();
for (const [type, spec] of [...Object.entries(REQUESTS), ...Object.entries(EVENTS)] as [string, AnySpec][]) {
  if (!spec.transfer) continue;
  if (TRANSFERS.has(type)) throw new Error(`Internal error: protocol type '${type}' names buffers to transfer twice`);
  TRANSFERS.set(type, spec.transfer);
}

/** The buffers of a message that `postMessage` should transfer rather than copy (each once). */
export function transferablesOf(message: EngineRequest | EngineEvent): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const v of TRANSFERS.get(message.type)?.(message) ?? []) {
    if (v instanceof ArrayBuffer) out.push(v);
    else if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && !out.includes(v.buffer)) out.push(v.buffer);
  }
  return out;
}
