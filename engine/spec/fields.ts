/** Small readers that check one field of an untyped object and record a problem instead of throwing. */
import type { Problem } from '../errors.ts';
import { specMessages as m } from './messages.ts';

/** A record being read, with the path prefix for messages and the problem list to add to. */
export class FieldReader {
  constructor(
    readonly obj: Record<string, unknown>,
    readonly path: string,
    readonly problems: Problem[],
  ) {}

  private p(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  /** Report keys that are not in `known`. */
  only(known: readonly string[]): void {
    for (const k of Object.keys(this.obj)) if (!known.includes(k)) this.problems.push(m.unknownField(this.p(k), known));
  }

  /** A number in [min, max] (open ends when `exclusive`), or undefined when absent. */
  number(
    key: string,
    min: number,
    max: number,
    opts: { minExclusive?: boolean; maxExclusive?: boolean; range?: string } = {},
  ): number | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (opts.minExclusive ? v > min : v >= min) &&
      (opts.maxExclusive ? v < max : v <= max);
    if (!ok) {
      const range =
        opts.range ??
        `a number ${opts.minExclusive ? '>' : '≥'} ${min}${Number.isFinite(max) ? ` and ${opts.maxExclusive ? '<' : '≤'} ${max}` : ''}`;
      this.problems.push(m.outOfRange(this.p(key), v, range));
      return undefined;
    }
    return v as number;
  }

  /** A positive integer, or undefined when absent. */
  positiveInt(key: string): number | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
      this.problems.push(m.notPositiveInteger(this.p(key), v));
      return undefined;
    }
    return v;
  }

  /** A non-negative integer, or undefined when absent. */
  nonNegativeInt(key: string): number | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      this.problems.push(m.outOfRange(this.p(key), v, 'a whole number ≥ 0'));
      return undefined;
    }
    return v;
  }

  /** One of `choices`, or undefined when absent. */
  choice<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
      this.problems.push(m.notInChoices(this.p(key), v, choices));
      return undefined;
    }
    return v as T;
  }

  /** A boolean, or undefined when absent. */
  boolean(key: string): boolean | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') {
      this.problems.push(m.notBoolean(this.p(key), v));
      return undefined;
    }
    return v;
  }

  /** A nested object reader, or undefined when absent / not an object (recorded). */
  object(key: string): FieldReader | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (!isRecord(v)) {
      this.problems.push(m.notObject(this.p(key), v));
      return undefined;
    }
    return new FieldReader(v, this.p(key), this.problems);
  }
}

/** True for a plain JSON object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
