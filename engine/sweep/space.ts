/** Structural validation of a search-space file: unknown JSON in, a typed SearchSpace and every problem out. */
import type { Problem } from '../errors.ts';
import { checkSpecStructure, LIMITS, MONITOR_NAMES } from '../spec/index.ts';
import { sweepMessages as m } from './messages.ts';
import { readEnqueue } from './enqueue.ts';
import { readParameter } from './parameter.ts';
import { isRecord, SpaceReader } from './reader.ts';
import { SweepError } from './sweep-error.ts';
import { SPACE_FORMAT, SPACE_VERSION, STRATEGY_NAMES, type Parameter, type SearchSpace } from './types.ts';

const TOP = [
  'format',
  'version',
  'parameters',
  'objective',
  'strategy',
  'trials',
  'seed',
  'halving',
  'tpe',
  'spec',
  'folds',
  'budgetSeconds',
  'enqueue',
];
/** Most folds a trial may be cross-validated on. */
export const MAX_FOLDS = 10;

function readSettings(r: SpaceReader, space: SearchSpace): void {
  const strategy = r.choice('strategy', STRATEGY_NAMES);
  if (strategy) space.strategy = strategy;
  const trials = r.int('trials', false, 1);
  if (trials !== undefined && trials > LIMITS.trials) r.problems.push(m.tooManyTrials('trials', trials, LIMITS.trials));
  else if (trials !== undefined) space.trials = trials;
  const seed = r.int('seed', false, 0);
  if (seed !== undefined) space.seed = seed;
  const folds = r.number(
    'folds',
    false,
    (v) => Number.isInteger(v) && v >= 2 && v <= MAX_FOLDS,
    `a whole number from 2 to ${MAX_FOLDS}`,
  );
  if (folds !== undefined) space.folds = folds;
  const budget = r.number('budgetSeconds', false, (v) => v > 0, 'a number of seconds > 0');
  if (budget !== undefined) space.budgetSeconds = budget;
  const o = r.object('objective');
  if (o) {
    o.only(['metric', 'direction']);
    space.objective = {};
    const metric = o.choice('metric', MONITOR_NAMES);
    if (metric) space.objective.metric = metric;
    const direction = o.choice('direction', ['maximize', 'minimize'] as const);
    if (direction) space.objective.direction = direction;
  }
  const h = r.object('halving');
  if (h) {
    h.only(['eta', 'minEpochs', 'maxEpochs']);
    space.halving = {};
    const eta = h.number('eta', false, (v) => v >= 2, 'a number ≥ 2');
    if (eta !== undefined) space.halving.eta = eta;
    const minEpochs = h.int('minEpochs', false, 1);
    if (minEpochs !== undefined) space.halving.minEpochs = minEpochs;
    const maxEpochs = h.int('maxEpochs', false, 1);
    if (maxEpochs !== undefined) space.halving.maxEpochs = maxEpochs;
  }
  const t = r.object('tpe');
  if (t) {
    t.only(['initialTrials', 'lag', 'candidates', 'gamma']);
    space.tpe = {};
    const initialTrials = t.int('initialTrials', false, 1);
    if (initialTrials !== undefined) space.tpe.initialTrials = initialTrials;
    const lag = t.int('lag', false, 1);
    if (lag !== undefined) space.tpe.lag = lag;
    const candidates = t.int('candidates', false, 1);
    if (candidates !== undefined) space.tpe.candidates = candidates;
    const gamma = t.number('gamma', false, (v) => v > 0 && v < 1, 'a number > 0 and < 1');
    if (gamma !== undefined) space.tpe.gamma = gamma;
  }
}

/** Check a search space's structure; returns the typed space (null if unusable) and every problem found. */
export function checkSearchSpace(input: unknown): { space: SearchSpace | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!isRecord(input)) return { space: null, problems: [m.notObject('', input)] };
  const r = new SpaceReader(input, '', problems);
  r.only(TOP);
  if (input.format !== undefined && input.format !== SPACE_FORMAT)
    problems.push(m.wrongFormat(input.format, SPACE_FORMAT));
  if (input.version !== undefined) {
    const v = r.int('version', true, 1);
    if (v !== undefined && v > SPACE_VERSION) return { space: null, problems: [m.newerVersion(v, SPACE_VERSION)] };
  }
  const parameters: Parameter[] = [];
  const raw = input.parameters;
  if (!isRecord(raw) || Object.keys(raw).length === 0) problems.push(m.noParameters());
  else
    for (const [key, value] of Object.entries(raw)) {
      const p = readParameter(key, value, problems);
      if (p) parameters.push(p);
    }
  const space: SearchSpace = { parameters };
  readSettings(r, space);
  if (input.enqueue !== undefined) space.enqueue = readEnqueue(input.enqueue, parameters, problems);
  if (input.spec !== undefined) {
    const { spec, problems: specProblems } = checkSpecStructure(input.spec);
    problems.push(...specProblems.map(m.specProblem));
    if (spec && specProblems.length === 0) space.spec = spec;
  }
  return { space: problems.length ? null : space, problems };
}

/** Validate a search space's structure, throwing a SweepError that lists every problem. */
export function parseSearchSpace(input: unknown): SearchSpace {
  const { space, problems } = checkSearchSpace(input);
  if (problems.length || !space) throw new SweepError(problems);
  return space;
}
