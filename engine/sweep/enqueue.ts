/**
 * Enqueued trials (the search-space file's `enqueue`): trials 1 … n run these fixed values before the
 * strategy's own trials, like Optuna's `enqueue_trial`; TPE then counts them as observations. A value must
 * be one the parameter could draw; parameters left out keep the base network's value.
 */
import type { Problem } from '../errors.ts';
import type { NetworkSpec } from '../spec/index.ts';
import { applyParams } from './apply.ts';
import { firstProblem, type DataShape } from './check-space.ts';
import { SpaceReader } from './reader.ts';
import { settingMessages as m } from './settings-messages.ts';
import type { Distribution, EnqueuedTrial, Parameter, ParamValue, TrialParams } from './types.ts';

/** What a distribution takes, for messages; null when `v` is one of its values. */
function outside(d: Distribution, v: ParamValue): string | null {
  if (d.type === 'choice')
    return d.values.includes(v) ? null : `one of ${d.values.map((x) => JSON.stringify(x)).join(', ')}`;
  const whole = d.type === 'int';
  const fits = typeof v === 'number' && v >= d.min && v <= d.max && (!whole || Number.isInteger(v));
  return fits ? null : `${whole ? 'a whole number' : 'a number'} from ${d.min} to ${d.max}`;
}

/** Read `enqueue` against the space's parameters; every problem is added to `problems`. */
export function readEnqueue(raw: unknown, parameters: readonly Parameter[], problems: Problem[]): EnqueuedTrial[] {
  if (!Array.isArray(raw)) {
    problems.push(m.enqueueNotList(raw));
    return [];
  }
  const byPath = new Map(parameters.map((p) => [p.path, p.distribution]));
  const out: EnqueuedTrial[] = [];
  raw.forEach((entry: unknown, i) => {
    const at = `enqueue[${i}]`;
    const parent = new SpaceReader({ [at]: entry }, '', problems);
    const r = parent.object(at);
    if (!r) return;
    r.only(['label', 'params']);
    const label = r.obj.label;
    if (label !== undefined && (typeof label !== 'string' || label.trim() === ''))
      problems.push(m.enqueueLabel(r.at('label'), label));
    const params: TrialParams = {};
    const values = r.object('params');
    if (!values && r.obj.params === undefined) problems.push(m.enqueueNoParams(r.at('params')));
    for (const [key, v] of Object.entries(values?.obj ?? {})) {
      const d = byPath.get(key);
      if (!d) {
        problems.push(m.enqueueUnknownParameter(at, key, [...byPath.keys()]));
        continue;
      }
      const allowed =
        typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'
          ? outside(d, v)
          : 'a number, a text or true/false';
      if (allowed) problems.push(m.enqueueOutsideSpace(at, key, v, allowed));
      else params[key] = v as ParamValue;
    }
    out.push(typeof label === 'string' ? { label, params } : { params });
  });
  return out;
}

/** Every enqueued trial whose values make the base network invalid. */
export function checkEnqueued(enqueue: readonly EnqueuedTrial[], spec: NetworkSpec, data: DataShape): Problem[] {
  const problems: Problem[] = [];
  enqueue.forEach((e, i) => {
    const p = firstProblem([applyParams(spec, e.params)], data);
    if (p) problems.push(m.enqueueInvalidNetwork(`enqueue[${i}]`, p.message));
  });
  return problems;
}
