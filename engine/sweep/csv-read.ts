/**
 * The trial table's reader, the inverse of `trialsCsv` (csv.ts): a trials CSV written by the Sweep view, `sweep --out`
 * or an Optuna study's `study.py --export-trials` back into a `SweepResult`, so a sweep that ran elsewhere opens in
 * the Sweep view (table, parallel coordinates, importance) and in `sweep --open`.
 *
 * The CSV holds values, not distributions: each parameter's distribution is inferred from its values (texts and
 * true/false: a choice; whole numbers: `int`; other numbers: `uniform`; a log scale for positive ranges spanning
 * ≥ 100× whose values mostly sit in the bottom tenth of the range). The direction comes from the `rank` column
 * when two ranked trials differ, else from the metric.
 * Learning curves are not in the CSV, so opened trials have no history.
 */
import { LIMITS, MONITOR_NAMES, type MonitorName } from '../spec/index.ts';
import type { Problem } from '../errors.ts';
import { trialsCsvMessages as m } from './messages.ts';
import { bestTrial, directionOf } from './objective.ts';
import { SweepError } from './sweep-error.ts';
import type { Direction, Distribution, Parameter, ParamValue, SweepResult, TrialRecord, TrialStatus } from './types.ts';
import { splitCsv } from './csv-split.ts';

const STATUSES: readonly TrialStatus[] = ['done', 'pruned', 'failed', 'cancelled', 'running', 'waiting'];
const TAIL = ['bracket', 'rung', 'seed', 'durationMs', 'error'] as const;
/** Parameter columns read (each is an axis of the parallel coordinates); search spaces have a few dozen at most. */
const MAX_PARAMETERS = 1000;
/** Problems listed before the reader gives up (a wrong file would otherwise list one per line). */
const MAX_PROBLEMS = 20;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** The writer's formula guard (csv-cell.ts) put a quote before these; the reader takes it off again. */
const NEUTRALIZED = /^'[=+\-@\t\r]/;

/** A parameter cell's value: numbers and true/false as such, text as text; null when empty. */
function paramValue(cell: string): ParamValue | null {
  if (cell === '') return null;
  if (NUMBER.test(cell)) return Number(cell);
  if (cell === 'true' || cell === 'false') return cell === 'true';
  return cell;
}

/** The distribution a parameter's values suggest (see the file comment). */
function inferDistribution(values: readonly ParamValue[]): Distribution {
  const distinct = [...new Set(values)];
  const nums = distinct.filter((v): v is number => typeof v === 'number');
  if (nums.length !== distinct.length || nums.length < 2) {
    return { type: 'choice', values: distinct.length ? distinct : [''] };
  }
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  // Log-uniform draws crowd the bottom tenth of the linear range; uniform ones put about a tenth there.
  const low = values.filter((v) => typeof v === 'number' && v < min + (max - min) / 10).length;
  const log = min > 0 && max / min >= 100 && low > values.length / 2;
  if (nums.every(Number.isInteger)) return { type: 'int', min, max, log: log && min >= 1 };
  return log ? { type: 'logUniform', min, max } : { type: 'uniform', min, max };
}

/** The direction the `rank` column shows (rank 1 against the worst ranked trial), or null when it cannot tell. */
function rankedDirection(trials: readonly { rank: number | null; objective: number | null }[]): Direction | null {
  const ranked = trials
    .filter((t) => t.rank !== null && t.objective !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  if (ranked.length < 2) return null;
  const first = ranked[0].objective ?? 0;
  const last = ranked[ranked.length - 1].objective ?? 0;
  return first === last ? null : first > last ? 'maximize' : 'minimize';
}

/** Read a trials CSV; throws SweepError listing what is wrong (line and column) when it is not one. */
export function parseTrialsCsv(text: string): SweepResult {
  const { rows, unclosedAt } = splitCsv(text.replace(/^\uFEFF/, ''));
  if (unclosedAt !== null) throw new SweepError(m.unclosedQuote(unclosedAt));
  const header = rows[0]?.cells;
  if (!header || (header.length === 1 && header[0] === '')) throw new SweepError(m.empty());
  const col = (name: string) => header.indexOf(name);
  const objectiveAt = header.findIndex((h) => /^objective \(.*\)$/.test(h));
  const missing = ['trial', 'rank', 'status', 'epochs', 'keptEpoch', ...TAIL].filter((c) => col(c) < 0);
  if (objectiveAt < 0) missing.splice(3, 0, 'objective (METRIC)');
  if (missing.length) throw new SweepError(m.missingColumns(missing));
  const metric = header[objectiveAt].slice('objective ('.length, -1);
  if (!(MONITOR_NAMES as readonly string[]).includes(metric)) {
    throw new SweepError(m.unknownMetric(metric, MONITOR_NAMES));
  }
  const epochsAt = header.indexOf('epochs', objectiveAt);
  const keptAt = col('keptEpoch');
  const tailAt = col('bracket');
  const paramPaths = header.slice(objectiveAt + 1, epochsAt);
  if (paramPaths.length === 0 || epochsAt < 0) throw new SweepError(m.noParameters());
  if (paramPaths.length > MAX_PARAMETERS) throw new SweepError(m.tooManyParameters(paramPaths.length, MAX_PARAMETERS));
  const metricNames = header.slice(keptAt + 1, tailAt);
  const body = rows.slice(1).filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
  if (body.length === 0) throw new SweepError(m.noTrials());
  if (body.length > LIMITS.trials) throw new SweepError(m.tooManyTrials(body.length, LIMITS.trials));

  const problems: Problem[] = [];
  const seen = new Set<number>();
  const read: (TrialRecord & { rank: number | null })[] = [];
  for (const { cells, line } of body) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (cells.length !== header.length) {
      problems.push(m.cellCount(line, cells.length, header.length));
      continue;
    }
    const cell = (i: number) => cells[i].replace(NEUTRALIZED, (s) => s.slice(1));
    const num = (i: number, opts: { int?: boolean; min?: number; optional?: boolean }): number | null => {
      const c = cells[i];
      if (c === '' && opts.optional) return null;
      const v = NUMBER.test(c) ? Number(c) : NaN;
      if (Number.isFinite(v) && (!opts.int || Number.isInteger(v)) && v >= (opts.min ?? -Infinity)) return v;
      const want = opts.int ? `a whole number${opts.min === undefined ? '' : ` ≥ ${opts.min}`}` : 'a number';
      problems.push(m.badCell(line, header[i], c, want));
      return null;
    };
    const before = problems.length;
    const trial = num(col('trial'), { int: true, min: 1 });
    const status = cells[col('status')] as TrialStatus;
    if (!STATUSES.includes(status)) problems.push(m.badCell(line, 'status', status, `one of ${STATUSES.join(', ')}`));
    const record = {
      trial: trial ?? 0,
      rank: num(col('rank'), { int: true, min: 1, optional: true }),
      status,
      objective: num(objectiveAt, { optional: true }),
      params: Object.fromEntries(
        paramPaths.flatMap((p, k) => {
          const v = paramValue(cell(objectiveAt + 1 + k));
          return v === null ? [] : [[p, v]];
        }),
      ) as Record<string, ParamValue>,
      epochs: num(epochsAt, { int: true, min: 0 }) ?? 0,
      keptEpoch: num(keptAt, { int: true, min: 0, optional: true }) ?? 0,
      metrics: Object.fromEntries(
        metricNames.flatMap((name, k) => {
          const v = num(keptAt + 1 + k, { optional: true });
          return v === null ? [] : [[name, v]];
        }),
      ) as Record<string, number>,
      bracket: num(col('bracket'), { int: true, min: 0, optional: true }),
      rung: num(col('rung'), { int: true, min: 0, optional: true }),
      seed: num(col('seed'), { int: true, min: 0, optional: true }) ?? 0,
      durationMs: num(col('durationMs'), { min: 0, optional: true }) ?? 0,
      error: cell(col('error')) ? { code: 'sweep/trial-failed', message: cell(col('error')) } : null,
      history: [],
      ...(col('label') >= 0 && cell(col('label')) ? { label: cell(col('label')) } : {}),
      ...(col('folds') >= 0 && cells[col('folds')] !== ''
        ? { folds: num(col('folds'), { int: true, min: 2 }) ?? 0 }
        : {}),
    };
    if (trial !== null && seen.has(trial)) problems.push(m.duplicateTrial(line, trial));
    if (trial !== null) seen.add(trial);
    if (problems.length === before) read.push(record);
  }
  if (problems.length) throw new SweepError(problems);

  const direction = rankedDirection(read) ?? directionOf(metric as MonitorName);
  const trials: TrialRecord[] = read.map(({ rank: _rank, ...t }) => t).sort((a, b) => a.trial - b.trial);
  const parameters: Parameter[] = paramPaths.map((path) => ({
    path,
    gridPoints: 3,
    distribution: inferDistribution(trials.flatMap((t) => (path in t.params ? [t.params[path]] : []))),
  }));
  const objective = { metric: metric as MonitorName, direction };
  const best = bestTrial(trials, objective);
  const strategy = trials.some((t) => t.bracket !== null)
    ? 'hyperband'
    : trials.some((t) => t.rung !== null)
      ? 'halving'
      : 'random';
  return {
    status: 'completed',
    best,
    durationMs: trials.reduce((s, t) => s + t.durationMs, 0),
    trials,
    plan: {
      strategy,
      trials: trials.length,
      epochBudget: null,
      objective,
      parameters,
      seed: trials[0]?.seed ?? 0,
      concurrency: 1,
    },
  };
}
