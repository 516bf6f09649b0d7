/** Reading one `parameters` entry: its path and its distribution. */
import type { Problem } from '../errors.ts';
import { LIMITS } from '../spec/index.ts';
import { paramPath, sweepMessages as m } from './messages.ts';
import { fixedReason, parsePath } from './path.ts';
import { isRecord, SpaceReader } from './reader.ts';
import { DISTRIBUTION_NAMES, type Distribution, type Parameter, type ParamValue } from './types.ts';

/** Grid points per numeric range when the file gives none. */
export const DEFAULT_GRID_POINTS = 3;

function readChoices(r: SpaceReader): ParamValue[] | undefined {
  const raw = r.obj.values;
  if (!Array.isArray(raw) || raw.length === 0) {
    r.problems.push(m.emptyChoice(r.path));
    return undefined;
  }
  const values: ParamValue[] = [];
  raw.forEach((v: unknown, i: number) => {
    const at = `${r.path}.values[${i}]`;
    if (!(typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))))
      r.problems.push(m.badChoiceValue(at, v));
    else if (values.includes(v)) r.problems.push(m.duplicateChoice(at, v));
    else values.push(v);
  });
  return values.length === raw.length ? values : undefined;
}

function readDistribution(r: SpaceReader): Distribution | undefined {
  const type = r.obj.distribution === undefined ? undefined : r.choice('distribution', DISTRIBUTION_NAMES);
  if (r.obj.distribution === undefined)
    r.problems.push(m.invalidChoice(r.at('distribution'), undefined, DISTRIBUTION_NAMES));
  if (!type) return undefined;
  if (type === 'choice') {
    r.only(['distribution', 'values']);
    const values = readChoices(r);
    return values ? { type, values } : undefined;
  }
  r.only(['distribution', 'min', 'max', 'gridPoints', ...(type === 'int' ? ['log'] : [])]);
  const isInt = type === 'int';
  const log = isInt && r.obj.log !== undefined ? r.obj.log : false;
  if (typeof log !== 'boolean') r.problems.push(m.outOfRange(r.at('log'), log, 'true or false'));
  const positive = type === 'logUniform' || log === true;
  const check = (v: number) => (!isInt || Number.isInteger(v)) && (!positive || v > 0);
  const range = isInt
    ? positive
      ? 'a whole number ≥ 1 (log scale)'
      : 'a whole number'
    : positive
      ? 'a number > 0 (log scale)'
      : 'a number';
  const min = r.number('min', true, check, range);
  const max = r.number('max', true, check, range);
  if (min === undefined || max === undefined) return undefined;
  if (isInt ? max < min : max <= min) {
    r.problems.push(m.minNotBelowMax(r.path, min, max, isInt));
    return undefined;
  }
  if (type === 'int') return typeof log === 'boolean' ? { type, min, max, log } : undefined;
  return { type, min, max };
}

/** Read the entry `parameters[key]`; null (with problems recorded) when it is unusable. */
export function readParameter(key: string, raw: unknown, problems: Problem[]): Parameter | null {
  const path = paramPath(key);
  const target = parsePath(key);
  if (!target) {
    problems.push(m.badPath(key));
    return null;
  }
  const why = fixedReason(key, target);
  if (why) {
    problems.push(m.fixedField(key, why));
    return null;
  }
  if (!isRecord(raw)) {
    problems.push(m.notObject(path, raw));
    return null;
  }
  const r = new SpaceReader(raw, path, problems);
  const distribution = readDistribution(r);
  let gridPoints = r.int('gridPoints', false, 1) ?? DEFAULT_GRID_POINTS;
  if (gridPoints > LIMITS.trials) {
    problems.push(m.tooManyTrials(r.at('gridPoints'), gridPoints, LIMITS.trials));
    gridPoints = DEFAULT_GRID_POINTS;
  }
  if (target.kind === 'hiddenLayers' && distribution) {
    const ints = distribution.type === 'choice' ? distribution.values : [distribution.min, distribution.max];
    if (
      distribution.type === 'uniform' ||
      distribution.type === 'logUniform' ||
      ints.some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    ) {
      problems.push(m.outOfRange(path, raw, "an 'int' distribution (or a choice) of whole numbers ≥ 0"));
      return null;
    }
    const most = Math.max(...ints.map(Number));
    if (most > LIMITS.layers) {
      problems.push(m.tooManyHiddenLayers(path, most, LIMITS.layers));
      return null;
    }
  }
  if (
    target.kind === 'batchNorm' &&
    distribution &&
    (distribution.type !== 'choice' || distribution.values.some((v) => typeof v !== 'boolean'))
  ) {
    problems.push(
      m.outOfRange(
        path,
        raw,
        'a choice of true and/or false, e.g. { "distribution": "choice", "values": [false, true] }',
      ),
    );
    return null;
  }
  return distribution ? { path: key, distribution, gridPoints } : null;
}
