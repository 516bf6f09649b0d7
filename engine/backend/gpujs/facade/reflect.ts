/**
 * Narrowing helpers for values that come from gpu.js and the host (typed `unknown` on purpose: see
 * gpujs-module.ts). `Reflect` returns `any`; every helper here assigns it to `unknown` at once.
 */

/** An object or function whose properties can be read. */
export type Bag = object;

/** True for objects and functions (things with properties). */
export function isBag(v: unknown): v is Bag {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

/** v[key], or undefined when v has no properties. */
export function prop(v: unknown, key: string): unknown {
  if (!isBag(v)) return undefined;
  const r: unknown = Reflect.get(v, key);
  return r;
}

/** A function value (narrowed from unknown). */
export type Callable = (...args: never[]) => unknown;

/** True when v is callable. */
export function isCallable(v: unknown): v is Callable {
  return typeof v === 'function';
}

/** Call `target[name](...args)`; throws a descriptive error when it is not a method. */
export function callMethod(target: unknown, name: string, args: readonly unknown[]): unknown {
  const f = prop(target, name);
  if (!isCallable(f)) throw new Error(`expected a method '${name}' on ${describe(target)}`);
  const r: unknown = Reflect.apply(f, target, args);
  return r;
}

/** Call a plain function value with `this` undefined. */
export function callFunction(f: unknown, args: readonly unknown[]): unknown {
  if (!isCallable(f)) throw new Error(`expected a function, got ${describe(f)}`);
  const r: unknown = Reflect.apply(f, undefined, args);
  return r;
}

/** `new Ctor(...args)`. */
export function construct(ctor: unknown, args: readonly unknown[]): unknown {
  if (!isCallable(ctor)) throw new Error(`expected a constructor, got ${describe(ctor)}`);
  const r: unknown = Reflect.construct(ctor, args);
  return r;
}

/** A string property, or null. */
export function stringProp(v: unknown, key: string): string | null {
  const s = prop(v, key);
  return typeof s === 'string' ? s : null;
}

/** A short description of a value for error messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'function') return `function ${v.name || '(anonymous)'}`;
  if (typeof v === 'object') return `object ${v.constructor?.name ?? ''}`.trim();
  return typeof v;
}

/** A thenable, narrowed from unknown. */
export function isPromiseLike(v: unknown): v is PromiseLike<unknown> {
  return isBag(v) && typeof prop(v, 'then') === 'function';
}
