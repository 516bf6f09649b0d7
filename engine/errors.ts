/** Typed, user-facing engine errors. Each carries a stable `code` and the path of the bad field or place. */

/** One problem found in user input: what is wrong, where, and how to fix it. */
export interface Problem {
  /** Stable machine-readable code, e.g. `spec/units-not-positive`. */
  code: string;
  /** Path of the bad field (`layers[2].units`) or place (`row 14, column 'price'`). Empty when global. */
  path: string;
  /** A full sentence: what happened, where, and the fix. */
  message: string;
}

/** Base of every error a user can cause; the UI shows `message` beside the field named by `path`. */
export class UserError extends Error {
  readonly code: string;
  readonly path: string;
  /** All problems found at once (validation reports every problem, not just the first). */
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[] | Problem, name: string) {
    const list = Array.isArray(problems) ? problems : [problems as Problem];
    const first = list[0] ?? { code: 'unknown', path: '', message: 'Unknown error.' };
    super(list.length === 1 ? first.message : list.map((p) => `- ${p.message}`).join('\n'));
    this.name = name;
    this.code = first.code;
    this.path = first.path;
    this.problems = list;
  }
}

/** The network spec or training settings are invalid. */
export class SpecError extends UserError {
  constructor(problems: readonly Problem[] | Problem) {
    super(problems, 'SpecError');
  }
}

/** The data (CSV, columns, target) cannot be used as asked. */
export class DatasetError extends UserError {
  constructor(problems: readonly Problem[] | Problem) {
    super(problems, 'DatasetError');
  }
}

/** Training failed in a way the user can act on (divergence, NaN loss). */
export class TrainingError extends UserError {
  constructor(problems: readonly Problem[] | Problem) {
    super(problems, 'TrainingError');
  }
}

/** A request about a run that its state cannot answer: it has ended, is still training, or has no model yet. */
export class RunError extends UserError {
  constructor(problems: readonly Problem[] | Problem) {
    super(problems, 'RunError');
  }
}

/** A model or project file is malformed or from a newer version. */
export class ModelFileError extends UserError {
  constructor(problems: readonly Problem[] | Problem) {
    super(problems, 'ModelFileError');
  }
}

/** A requested backend is unavailable or failed. */
export class BackendError extends UserError {
  constructor(problems: readonly Problem[] | Problem) {
    super(problems, 'BackendError');
  }
}

/** Internal invariant: a failure here is a bug in Backprop Studio, not the user's input. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Internal error (please report): ${message}`);
}

/** The message of any thrown value: an Error's message, anything else as text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** True for errors the user caused and can fix (they carry a message meant for them). */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
