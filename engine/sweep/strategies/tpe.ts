/**
 * TPE (tree-structured Parzen estimator): the finished trials are split into the best `gamma` fraction
 * (good) and the rest (bad, failed trials included); per parameter, densities l(x) of the good and g(x)
 * of the bad values are built (parzen.ts); `candidates` points are drawn from l and the one with the
 * largest Σ log l(x) − log g(x) is tried next.
 *
 * Deterministic whatever the concurrency: trial t (after the random start) is drawn from exactly the
 * trials 1 … t − lag, and waits until they have all finished; its candidates come from its own seeded
 * stream. So at most `lag` trials run ahead of the results, and timing never changes what is tried.
 */
import type { Random } from '../../random.ts';
import { fromInternal, internalRange, toInternal, type NumericDistribution } from '../distributions.ts';
import { compareTrials } from '../objective.ts';
import { sampleRandom } from '../seeds.ts';
import type { EnqueuedTrial, Objective, Parameter, TpeSettings, TrialParams, TrialRecord } from '../types.ts';
import { CategoricalParzen, Parzen } from './parzen.ts';
import { firstParams, randomParams } from './random.ts';
import { FINISHED, type Strategy } from './strategy.ts';

interface Dimension {
  sample(rng: Random): number;
  score(x: number): number;
  value(x: number): TrialParams[string];
}

function dimension(p: Parameter, good: readonly TrialRecord[], bad: readonly TrialRecord[]): Dimension {
  const d = p.distribution;
  if (d.type === 'choice') {
    const index = (r: TrialRecord) => d.values.indexOf(r.params[p.path]);
    const l = new CategoricalParzen(
      good.map(index).filter((i) => i >= 0),
      d.values.length,
    );
    const g = new CategoricalParzen(
      bad.map(index).filter((i) => i >= 0),
      d.values.length,
    );
    return { sample: (rng) => l.sample(rng), score: (i) => l.logPdf(i) - g.logPdf(i), value: (i) => d.values[i] };
  }
  const nd: NumericDistribution = d;
  const { lo, hi } = internalRange(nd);
  const at = (rs: readonly TrialRecord[]) =>
    rs
      .map((r) => r.params[p.path])
      .filter((v): v is number => typeof v === 'number')
      .map((v) => toInternal(nd, v));
  const l = new Parzen(at(good), lo, hi);
  const g = new Parzen(at(bad), lo, hi);
  return { sample: (rng) => l.sample(rng), score: (x) => l.logPdf(x) - g.logPdf(x), value: (x) => fromInternal(nd, x) };
}

/** TPE's suggestion for trial `trial` from the finished trials `observed`; random while fewer than two have an objective. */
export function suggest(
  parameters: readonly Parameter[],
  observed: readonly TrialRecord[],
  objective: Objective,
  s: TpeSettings,
  seed: number,
  trial: number,
): TrialParams {
  const usable = observed.filter((r) => (r.status === 'done' && r.objective !== null) || r.status === 'failed');
  if (usable.filter((r) => r.objective !== null).length < 2) return randomParams(parameters, seed, trial);
  const ranked = [...usable].sort((a, b) => compareTrials(a, b, objective));
  const nGood = Math.min(ranked.length - 1, Math.max(1, Math.ceil(s.gamma * ranked.length)));
  const dims = parameters.map((p) => dimension(p, ranked.slice(0, nGood), ranked.slice(nGood)));
  const rng = sampleRandom(seed, trial);
  let best: number[] = [];
  let bestScore = -Infinity;
  for (let c = 0; c < s.candidates; c++) {
    const x = dims.map((d) => d.sample(rng));
    const score = dims.reduce((sum, d, i) => sum + d.score(x[i]), 0);
    if (score > bestScore) {
      bestScore = score;
      best = x;
    }
  }
  return Object.fromEntries(parameters.map((p, i) => [p.path, dims[i].value(best[i])]));
}

/**
 * The TPE strategy: the enqueued trials, random ones up to `initialTrials` (enqueued ones count), then trial t
 * from the results of trials 1 … t − lag (enqueued ones included).
 */
export function tpeStrategy(
  parameters: readonly Parameter[],
  trials: number,
  seed: number,
  s: TpeSettings,
  objective: Objective,
  enqueue: readonly EnqueuedTrial[] = [],
): Strategy {
  let issued = 0;
  return {
    trials,
    epochBudget: (full) => trials * full,
    next(records) {
      if (issued >= trials) return null;
      const run = [];
      while (issued < trials) {
        const t = issued + 1;
        const basis = Math.max(0, t - s.lag);
        const observed: TrialRecord[] = [];
        if (t > Math.max(s.initialTrials, enqueue.length)) {
          for (let i = 1; i <= basis; i++) {
            const r = records.get(i);
            if (!r || !FINISHED.includes(r.status)) break;
            observed.push(r);
          }
          if (observed.length < basis) break;
        }
        const params =
          t <= Math.max(s.initialTrials, enqueue.length)
            ? firstParams(parameters, seed, t, enqueue)
            : suggest(parameters, observed, objective, s, seed, t);
        run.push({ trial: t, params, epochs: null, rung: null, bracket: null, final: true });
        issued++;
      }
      return { run, prune: [] };
    },
  };
}
