/**
 * Check a search space against the base network: every path must reach a field, and the values a
 * parameter can take must give a valid network. Values are probed at the ends of each range (and one
 * point inside, which catches fractional draws for integer fields) and for every choice, by applying
 * them to the base spec and running the spec's own validator, so every field the spec knows is covered.
 */
import type { Problem } from '../errors.ts';
import { checkResolve, checkSpecStructure, LAYER_TYPES, type NetworkSpec, type Task } from '../spec/index.ts';
import { applyParams, hiddenDenseIndices } from './apply.ts';
import { sweepMessages as m } from './messages.ts';
import { parsePath } from './path.ts';
import type { Parameter, ParamValue } from './types.ts';

const OPTIMIZER_TYPE = 'training.optimizer.type';

/** What the data tells about the network, when known: enables the checks that need shapes and the task. */
export interface DataShape {
  inputs: number;
  task: Task;
}

function networkProblem(spec: NetworkSpec, data: DataShape | null): Problem | null {
  const { spec: parsed, problems } = checkSpecStructure(spec);
  if (problems.length || !parsed) return problems[0] ?? null;
  return data ? (checkResolve(parsed, data.inputs, data.task).problems[0] ?? null) : null;
}

/** The problem of the first variant, unless some variant has none. */
export function firstProblem(variants: NetworkSpec[], data: DataShape | null): Problem | null {
  let first: Problem | null = null;
  for (const v of variants) {
    const p = networkProblem(v, data);
    if (!p) return null;
    first ??= p;
  }
  return first;
}

function pathProblem(p: Parameter, spec: NetworkSpec): Problem | null {
  const target = parsePath(p.path);
  if (!target) return m.badPath(p.path);
  if (target.kind === 'layer' && !spec.layers.some((l) => l.id === target.id)) {
    return m.unknownLayerId(
      p.path,
      target.id,
      spec.layers.map((l) => l.id),
    );
  }
  if (target.kind === 'layerType') {
    if (!(LAYER_TYPES as readonly string[]).includes(target.layerType))
      return m.unknownLayerType(p.path, target.layerType, LAYER_TYPES);
    const found =
      target.layerType === 'dense'
        ? hiddenDenseIndices(spec.layers).length > 0
        : spec.layers.some((l) => l.type === target.layerType);
    if (!found) return m.noLayerOfType(p.path, target.layerType);
  }
  if (target.kind === 'hiddenLayers' && hiddenDenseIndices(spec.layers).length === 0) {
    const d = p.distribution;
    const max = d.type === 'choice' ? Math.max(...d.values.map(Number)) : d.max;
    if (max > 0) return m.noHiddenLayer(p.path);
  }
  if (target.kind === 'batchNorm' && hiddenDenseIndices(spec.layers).length === 0)
    return m.noLayerOfType(p.path, 'dense');
  return null;
}

function probes(p: Parameter): { where: string; value: ParamValue; inside: boolean }[] {
  const d = p.distribution;
  if (d.type === 'choice') return d.values.map((value, i) => ({ where: `values[${i}]`, value, inside: false }));
  const inside = d.min + (d.max - d.min) * 0.382;
  return [
    { where: 'min', value: d.min, inside: false },
    { where: 'max', value: d.max, inside: false },
    {
      where: 'distribution',
      value: d.type === 'int' ? Math.round(inside) : Number(inside.toPrecision(4)),
      inside: true,
    },
  ];
}

/** Every problem of `parameters` against the base spec (and the data's shape, when given). */
export function checkParameters(
  parameters: readonly Parameter[],
  spec: NetworkSpec,
  data: DataShape | null,
): Problem[] {
  const problems: Problem[] = [];
  const optimizerType = parameters.find((p) => p.path === OPTIMIZER_TYPE)?.distribution;
  for (const p of parameters) {
    // A searched optimizer field is fine when it fits at least one optimizer type the sweep can draw.
    const companions =
      optimizerType?.type === 'choice' && p.path.startsWith('training.optimizer.') && p.path !== OPTIMIZER_TYPE
        ? optimizerType.values.map((t) => ({ [OPTIMIZER_TYPE]: t }))
        : [{}];
    const wrongPath = pathProblem(p, spec);
    if (wrongPath) {
      problems.push(wrongPath);
      continue;
    }
    let failedEnd = false;
    for (const probe of probes(p)) {
      if (probe.inside && failedEnd) break;
      const inner = firstProblem(
        companions.map((c) => applyParams(spec, { ...c, [p.path]: probe.value })),
        data,
      );
      if (!inner) continue;
      if (inner.code === 'spec/unknown-field') {
        problems.push(m.notASetting(p.path, inner.message));
        break;
      }
      failedEnd = true;
      problems.push(
        probe.inside
          ? m.drawsInvalid(p.path, p.distribution.type, probe.value, inner.message)
          : m.invalidNetwork(p.path, probe.where, probe.value, inner.message),
      );
    }
  }
  return problems;
}
