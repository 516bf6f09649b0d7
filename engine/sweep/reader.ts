/** Small readers for the search-space file: each checks one field and records a problem instead of throwing. */
import { isRecord } from '../spec/fields.ts';
import type { Problem } from '../errors.ts';
import { sweepMessages as m } from './messages.ts';

/** One plain-object check for the engine, re-exported for this folder's readers. */
export { isRecord };

/** Reads fields of one object at `path`, adding problems to `problems`. */
export class SpaceReader {
  constructor(readonly obj: Record<string, unknown>, readonly path: string, readonly problems: Problem[]) {}

  /** Path of a key for messages. */
  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  /** Report keys that are not in `known`. */
  only(known: readonly string[]): void {
    for (const k of Object.keys(this.obj)) if (!known.includes(k)) this.problems.push(m.unknownField(this.at(k), known));
  }

  /** A finite number (required when `required`), checked by `ok` with `range` describing what is valid. */
  number(key: string, required: boolean, ok: (v: number) => boolean = () => true, range = 'a number'): number | undefined {
    const v = this.obj[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) {
      this.problems.push(m.outOfRange(this.at(key), v, range));
      return undefined;
    }
    return v;
  }

  /** An integer ≥ `min`. */
  int(key: string, required: boolean, min: number): number | undefined {
    return this.number(key, required, (v) => Number.isInteger(v) && v >= min, `a whole number ≥ ${min}`);
  }

  /** One of `choices`. */
  choice<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
      this.problems.push(m.invalidChoice(this.at(key), v, choices));
      return undefined;
    }
    return v as T;
  }

  /** A nested object's reader; undefined when absent or not an object (recorded). */
  object(key: string): SpaceReader | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (!isRecord(v)) {
      this.problems.push(m.notObject(this.at(key), v));
      return undefined;
    }
    return new SpaceReader(v, this.at(key), this.problems);
  }
}
