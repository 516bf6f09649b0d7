/**
 * The pieces every message family table is built from: a message is declared once, as a TypeScript
 * body type plus the kind of each field. `request`, `reply` and `event` tie the two together, so a field
 * table that leaves out a field, adds one, or checks it as the wrong kind does not compile; the unions,
 * the reply map and the validator in `messages.ts` are all derived from these tables.
 */
import { isRecord } from '../spec/fields.ts';

/** Something bytes can be read from in slices: a browser `Blob`/`File` fits, so large files stream. */
export interface ByteSource {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

type BaseKind = 'number' | 'string' | 'boolean' | 'array' | 'object' | 'f32' | 'i32' | 'source';

/** Field kinds the validator checks. `?` suffix: may also be null. */
export type FieldKind = BaseKind | `${BaseKind}?`;

type Base<T> =
  [T] extends [number] ? 'number'
  : [T] extends [string] ? 'string'
  : [T] extends [boolean] ? 'boolean'
  : [T] extends [Int32Array] ? 'i32'
  : [T] extends [Float32Array] ? 'f32'
  : [T] extends [ByteSource | ArrayBuffer] ? 'source'
  : [T] extends [readonly unknown[]] ? 'array'
  : [T] extends [object] ? 'object'
  : never;

/** The kind a field of type `T` is checked as: `string | null` is `'string?'`, `StopReason` is `'string'`. */
export type KindOf<T> = null extends T ? `${Base<Exclude<T, null>>}?` : Base<T>;

/** One kind per field of `T`, no more and no fewer. */
export type Fields<T> = { readonly [K in keyof T]-?: KindOf<T[K]> };

/** A request (has an `id`), an event about a request (same `id`: its reply or progress), or any other event. */
export type MessageRole = 'request' | 'reply' | 'event';

/** One entry of a family table. `Body` is the message without its `type`; it exists for the types only. */
export interface MessageSpec<Body, Role extends MessageRole, Reply extends string = never> {
  readonly role: Role;
  /** Requests: the `type` of the event that answers them (besides `error`). */
  readonly reply: Reply;
  /** Every field with its kind, `id` first for requests and replies. */
  readonly fields: Readonly<Record<string, FieldKind>>;
  /** Checks beyond the field kinds, on a message whose fields have their kinds; throws a ProtocolError. */
  readonly check: ((message: unknown) => void) | null;
  /** The buffers `postMessage` should transfer rather than copy. */
  readonly transfer: ((message: unknown) => readonly unknown[]) | null;
  /** Never set: carries the body type for the derived unions. */
  readonly body?: Body;
}

/** What a table entry may add to its fields, given the message body. */
export interface MessageExtras<Body> {
  check?: (message: Body) => void;
  transfer?: (message: Body) => readonly unknown[];
}

/** The body of a message that carries the request's `id`. */
export type WithId<T> = { id: number } & T;

function spec<Body, Role extends MessageRole, Reply extends string>(
  role: Role, reply: Reply, fields: Readonly<Record<string, FieldKind>>, extras: MessageExtras<Body>,
): MessageSpec<Body, Role, Reply> {
  // The validator calls these only on a message whose fields were checked against `fields`, which the
  // `Fields<Body>` parameter of the builders below ties to `Body`.
  const check = extras.check as ((message: unknown) => void) | undefined;
  const transfer = extras.transfer as ((message: unknown) => readonly unknown[]) | undefined;
  return { role, reply, fields, check: check ?? null, transfer: transfer ?? null };
}

/** A request (UI → worker) with body `T` (its `id` is added), answered by the event `reply`. */
export function request<T>() {
  return <const Reply extends string>(reply: Reply, fields: Fields<T>, extras: MessageExtras<WithId<T>> = {}) =>
    spec<WithId<T>, 'request', Reply>('request', reply, { id: 'number', ...fields }, extras);
}

/** An event (worker → UI) about one request, with body `T` and that request's `id`: its reply, or progress on it. */
export function reply<T>() {
  return (fields: Fields<T>, extras: MessageExtras<WithId<T>> = {}) =>
    spec<WithId<T>, 'reply', never>('reply', undefined as never, { id: 'number', ...fields }, extras);
}

/** An event (worker → UI) that answers no request: a run's or a sweep's live events, `ready`, `error`. */
export function event<T>() {
  return (fields: Fields<T>, extras: MessageExtras<T> = {}) =>
    spec<T, 'event', never>('event', undefined as never, fields, extras);
}

/** Any entry of a family table. */
export type AnySpec = MessageSpec<unknown, MessageRole, string>;

type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The union of the messages of a table: each entry's body with its `type`. */
export type UnionOf<Table> = {
  [K in keyof Table & string]: Table[K] extends { readonly body?: infer Body } ? Flat<{ type: K } & Exclude<Body, undefined>> : never;
}[keyof Table & string];

/** One plain-object check for the engine, re-exported for this folder's readers. */
export { isRecord };

/** True when `v` has the field kind `kind`. */
export function hasKind(v: unknown, kind: FieldKind): boolean {
  if (kind.endsWith('?') && v === null) return true;
  switch (kind.replace('?', '') as BaseKind) {
    case 'number': return typeof v === 'number';
    case 'string': return typeof v === 'string';
    case 'boolean': return typeof v === 'boolean';
    case 'object': return isRecord(v);
    case 'array': return Array.isArray(v);
    case 'f32': return v instanceof Float32Array;
    case 'i32': return v instanceof Int32Array;
    case 'source':
      return v instanceof ArrayBuffer || (isRecord(v) && typeof v.size === 'number' && typeof v.slice === 'function');
  }
}

/** Thrown for a message that does not follow the protocol: always a bug, never the user's doing. */
export class ProtocolError extends Error {
  constructor(detail: string) {
    super(`Internal error (please report): malformed engine message: ${detail}`);
    this.name = 'ProtocolError';
  }
}
