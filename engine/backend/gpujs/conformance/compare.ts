/** Compare a subject backend's outputs with the reference's. */
import type { Backend } from '../../backend.ts';
import { EXACT, type CaseOutputs, type CaseResult, type ConformanceCase, type Tolerance } from './conformance-types.ts';
import { errorMessage } from '../../../errors.ts';

/** Largest error and the worst element (by error relative to its allowance) of `got` against `want`. */
export function compareOutputs(
  got: CaseOutputs,
  want: CaseOutputs,
  tol: Tolerance,
  exact: readonly string[] = [],
): { pass: boolean; maxAbsError: number; detail: string } {
  let maxAbsError = 0;
  let worstRatio = 0;
  let detail = 'all elements within tolerance';
  for (const key of Object.keys(want)) {
    const g = got[key];
    const w = want[key];
    if (!g) return { pass: false, maxAbsError: Infinity, detail: `output '${key}' missing` };
    if (g.length !== w.length)
      return {
        pass: false,
        maxAbsError: Infinity,
        detail: `output '${key}' has ${g.length} values, reference ${w.length}`,
      };
    const t = exact.includes(key) ? EXACT : tol;
    for (let i = 0; i < w.length; i++) {
      if (Number.isNaN(w[i]) && Number.isNaN(g[i])) continue;
      const err = Math.abs(g[i] - w[i]);
      const allowed = t.abs + t.rel * Math.abs(w[i]);
      const ratio = err === 0 ? 0 : allowed === 0 || !Number.isFinite(err) ? Infinity : err / allowed;
      if (Number.isFinite(err)) maxAbsError = Math.max(maxAbsError, err);
      else maxAbsError = Infinity;
      if (ratio > worstRatio) {
        worstRatio = ratio;
        detail = `${key}[${i}]: got ${g[i]}, reference ${w[i]} (error ${err.toExponential(2)}, allowed ${allowed.toExponential(2)})`;
      }
    }
  }
  return { pass: worstRatio <= 1, maxAbsError, detail };
}

/** Run one case on both backends and compare. */
export async function runCase(
  c: ConformanceCase,
  subject: Backend,
  reference: Backend,
  now: () => number = Date.now,
): Promise<CaseResult> {
  const want = await c.run(reference);
  const started = now();
  let got: CaseOutputs;
  try {
    got = await c.run(subject);
  } catch (e) {
    return {
      name: c.name,
      pass: false,
      maxAbsError: Infinity,
      tolerance: c.tolerance,
      detail: `threw: ${errorMessage(e)}`,
      ms: now() - started,
    };
  }
  const ms = now() - started;
  return { name: c.name, tolerance: c.tolerance, ms, ...compareOutputs(got, want, c.tolerance, c.exact) };
}
