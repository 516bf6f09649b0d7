/** Structural validation of a spec file: unknown JSON in, a typed NetworkSpec and every problem out. */
import { SpecError, type Problem } from '../errors.ts';
import { FieldReader, isRecord } from './fields.ts';
import { LIMITS } from './limits.ts';
import { specMessages as m } from './messages.ts';
import {
  ACTIVATION_NAMES,
  BACKEND_NAMES,
  CLASS_WEIGHT_NAMES,
  INITIALIZER_NAMES,
  LAYER_TYPES,
  LOSS_NAMES,
  MONITOR_NAMES,
  OPTIMIZER_NAMES,
  SCHEDULE_NAMES,
  SPEC_FORMAT,
  SPEC_VERSION,
  type ClassWeightSpec,
  type LayerSpec,
  type NetworkSpec,
  type OptimizerSpec,
  type ScheduleSpec,
  type TrainingSpec,
} from './types.ts';

function readLayer(
  raw: unknown,
  path: string,
  isLast: boolean,
  isLastDense: boolean,
  problems: Problem[],
): LayerSpec | null {
  if (!isRecord(raw)) {
    problems.push(m.notObject(path, raw));
    return null;
  }
  const r = new FieldReader(raw, path, problems);
  const id = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id : null;
  if (!id) problems.push(m.missingId(path));
  const type = raw.type;
  switch (type) {
    case 'dense': {
      r.only(['id', 'type', 'units', 'activation', 'kernelInitializer', 'biasInitializer', 'l1', 'l2']);
      let units: number | 'auto' | undefined;
      if (raw.units === 'auto') {
        if (!isLastDense) problems.push(m.autoNotLast(`${path}.units`));
        units = 'auto';
      } else if (raw.units === undefined) {
        problems.push(m.notPositiveInteger(`${path}.units`, undefined));
      } else {
        units = r.positiveInt('units');
        if (units !== undefined && units > LIMITS.units) {
          problems.push(m.tooManyUnits(`${path}.units`, units, LIMITS.units));
          units = undefined;
        }
      }
      const activation = r.choice('activation', ACTIVATION_NAMES);
      if (activation === 'softmax' && !isLast) problems.push(m.softmaxHidden(`${path}.activation`));
      const layer: LayerSpec = { id: id ?? '', type, units: units ?? 1 };
      if (activation) layer.activation = activation;
      const ki = r.choice('kernelInitializer', INITIALIZER_NAMES);
      if (ki) layer.kernelInitializer = ki;
      const bi = r.choice('biasInitializer', INITIALIZER_NAMES);
      if (bi) layer.biasInitializer = bi;
      const l1 = r.number('l1', 0, Infinity);
      if (l1 !== undefined) layer.l1 = l1;
      const l2 = r.number('l2', 0, Infinity);
      if (l2 !== undefined) layer.l2 = l2;
      return layer;
    }
    case 'activation': {
      r.only(['id', 'type', 'activation']);
      const activation = raw.activation === undefined ? undefined : r.choice('activation', ACTIVATION_NAMES);
      if (raw.activation === undefined)
        problems.push(m.notInChoices(`${path}.activation`, undefined, ACTIVATION_NAMES));
      if (activation === 'softmax' && !isLast) problems.push(m.softmaxHidden(`${path}.activation`));
      return { id: id ?? '', type, activation: activation ?? 'linear' };
    }
    case 'dropout': {
      r.only(['id', 'type', 'rate']);
      if (raw.rate === undefined) problems.push(m.outOfRange(`${path}.rate`, undefined, 'a number ≥ 0 and < 1'));
      const rate = r.number('rate', 0, 1, { maxExclusive: true });
      return { id: id ?? '', type, rate: rate ?? 0 };
    }
    case 'batchNorm': {
      r.only(['id', 'type', 'momentum', 'epsilon']);
      const layer: LayerSpec = { id: id ?? '', type };
      const momentum = r.number('momentum', 0, 1, { maxExclusive: true });
      if (momentum !== undefined) layer.momentum = momentum;
      const epsilon = r.number('epsilon', 0, Infinity, { minExclusive: true });
      if (epsilon !== undefined) layer.epsilon = epsilon;
      return layer;
    }
    default:
      problems.push(m.unknownType(path, type, LAYER_TYPES));
      return null;
  }
}

function readOptimizer(r: FieldReader): OptimizerSpec | undefined {
  const type = r.obj.type === undefined ? 'adam' : r.choice('type', OPTIMIZER_NAMES);
  if (!type) return undefined;
  const common = ['type', 'learningRate', 'clipNorm'];
  const lr = r.number('learningRate', 0, Infinity, { minExclusive: true }) ?? 0.001;
  const out: Record<string, unknown> = { type, learningRate: lr };
  const clip = r.number('clipNorm', 0, Infinity, { minExclusive: true });
  if (clip !== undefined) out.clipNorm = clip;
  const add = (k: string, v: unknown) => {
    if (v !== undefined) out[k] = v;
  };
  switch (type) {
    case 'sgd':
      r.only([...common, 'momentum', 'nesterov']);
      add('momentum', r.number('momentum', 0, 1, { maxExclusive: true }));
      add('nesterov', r.boolean('nesterov'));
      break;
    case 'rmsprop':
      r.only([...common, 'rho', 'epsilon', 'momentum']);
      add('rho', r.number('rho', 0, 1, { maxExclusive: true }));
      add('epsilon', r.number('epsilon', 0, Infinity, { minExclusive: true }));
      add('momentum', r.number('momentum', 0, 1, { maxExclusive: true }));
      break;
    case 'adagrad':
      r.only([...common, 'epsilon', 'initialAccumulator']);
      add('epsilon', r.number('epsilon', 0, Infinity, { minExclusive: true }));
      add('initialAccumulator', r.number('initialAccumulator', 0, Infinity));
      break;
    case 'adam':
    case 'adamw':
      r.only([...common, 'beta1', 'beta2', 'epsilon', ...(type === 'adamw' ? ['weightDecay'] : [])]);
      add('beta1', r.number('beta1', 0, 1, { maxExclusive: true }));
      add('beta2', r.number('beta2', 0, 1, { maxExclusive: true }));
      add('epsilon', r.number('epsilon', 0, Infinity, { minExclusive: true }));
      if (type === 'adamw') add('weightDecay', r.number('weightDecay', 0, Infinity));
      break;
  }
  return out as unknown as OptimizerSpec;
}

function readSchedule(r: FieldReader): ScheduleSpec | undefined {
  const type = r.choice('type', SCHEDULE_NAMES);
  if (r.obj.type === undefined) r.problems.push(m.notInChoices(`${r.path}.type`, undefined, SCHEDULE_NAMES));
  const out: Record<string, unknown> = { type };
  const add = (k: string, v: unknown) => {
    if (v !== undefined) out[k] = v;
  };
  switch (type) {
    case 'constant':
      r.only(['type']);
      break;
    case 'step':
      r.only(['type', 'stepSize', 'gamma']);
      out.stepSize = r.positiveInt('stepSize') ?? 10;
      out.gamma = r.number('gamma', 0, 1, { minExclusive: true }) ?? 0.5;
      break;
    case 'exponential':
      r.only(['type', 'gamma']);
      out.gamma = r.number('gamma', 0, 1, { minExclusive: true }) ?? 0.95;
      break;
    case 'cosine':
      r.only(['type', 'minLearningRate']);
      add('minLearningRate', r.number('minLearningRate', 0, Infinity));
      break;
    case 'reduceOnPlateau':
      r.only(['type', 'monitor', 'factor', 'patience', 'minDelta', 'minLearningRate']);
      add('monitor', r.choice('monitor', MONITOR_NAMES));
      add('factor', r.number('factor', 0, 1, { minExclusive: true, maxExclusive: true }));
      add('patience', r.nonNegativeInt('patience'));
      add('minDelta', r.number('minDelta', 0, Infinity));
      add('minLearningRate', r.number('minLearningRate', 0, Infinity));
      break;
    default:
      return undefined;
  }
  return out as unknown as ScheduleSpec;
}

/** `training.classWeight`: a name, or an object of class label → weight ≥ 0. */
function readClassWeight(r: FieldReader): ClassWeightSpec | undefined {
  const v = r.obj.classWeight;
  const path = `${r.path}.classWeight`;
  if (v === undefined) return undefined;
  if (typeof v === 'string') return r.choice('classWeight', CLASS_WEIGHT_NAMES);
  if (!isRecord(v)) {
    r.problems.push(m.badClassWeight(path, v));
    return undefined;
  }
  const bad = Object.entries(v).filter(([, w]) => typeof w !== 'number' || !Number.isFinite(w) || w < 0);
  for (const [label, w] of bad) r.problems.push(m.outOfRange(`${path}.${label}`, w, 'a number ≥ 0'));
  return bad.length ? undefined : (Object.fromEntries(Object.entries(v)) as Record<string, number>);
}

function readTraining(r: FieldReader): TrainingSpec {
  r.only([
    'epochs',
    'batchSize',
    'seed',
    'validationSplit',
    'shuffle',
    'optimizer',
    'schedule',
    'earlyStopping',
    'backend',
    'classWeight',
    'refit',
  ]);
  const t: TrainingSpec = {};
  const epochs = r.positiveInt('epochs');
  if (epochs !== undefined) t.epochs = epochs;
  const batchSize = r.positiveInt('batchSize');
  if (batchSize !== undefined) t.batchSize = batchSize;
  const seed = r.nonNegativeInt('seed');
  if (seed !== undefined) t.seed = seed;
  const vs = r.number('validationSplit', 0, 1, { maxExclusive: true });
  if (vs !== undefined) t.validationSplit = vs;
  const shuffle = r.boolean('shuffle');
  if (shuffle !== undefined) t.shuffle = shuffle;
  const opt = r.object('optimizer');
  if (opt) t.optimizer = readOptimizer(opt);
  const sched = r.object('schedule');
  if (sched) t.schedule = readSchedule(sched);
  if (r.obj.earlyStopping === null) t.earlyStopping = null;
  const es = r.object('earlyStopping');
  if (es) {
    es.only(['monitor', 'patience', 'minDelta', 'restoreBestWeights']);
    t.earlyStopping = {};
    const mon = es.choice('monitor', MONITOR_NAMES);
    if (mon) t.earlyStopping.monitor = mon;
    const pat = es.nonNegativeInt('patience');
    if (pat !== undefined) t.earlyStopping.patience = pat;
    const md = es.number('minDelta', 0, Infinity);
    if (md !== undefined) t.earlyStopping.minDelta = md;
    const rb = es.boolean('restoreBestWeights');
    if (rb !== undefined) t.earlyStopping.restoreBestWeights = rb;
  }
  const backend = r.choice('backend', BACKEND_NAMES);
  if (backend) t.backend = backend;
  const classWeight = readClassWeight(r);
  if (classWeight !== undefined) t.classWeight = classWeight;
  const refit = r.boolean('refit');
  if (refit !== undefined) t.refit = refit;
  return t;
}

/** Check a spec's structure; returns the typed spec (null if unusable) and every problem found. */
export function checkSpecStructure(input: unknown): { spec: NetworkSpec | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!isRecord(input)) return { spec: null, problems: [m.notObject('', input)] };
  const r = new FieldReader(input, '', problems);
  r.only(['format', 'version', 'name', 'inputs', 'layers', 'loss', 'huberDelta', 'training']);
  if (input.format !== undefined && input.format !== SPEC_FORMAT) problems.push(m.wrongFormat(input.format));
  if (input.version !== undefined) {
    const v = input.version;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) problems.push(m.notPositiveInteger('version', v));
    else if (v > SPEC_VERSION) return { spec: null, problems: [m.newerVersion(v, SPEC_VERSION)] };
  }
  const spec: NetworkSpec = { format: SPEC_FORMAT, version: SPEC_VERSION, layers: [] };
  if (typeof input.name === 'string') spec.name = input.name;
  const inputs = r.positiveInt('inputs');
  if (inputs !== undefined) spec.inputs = inputs;
  const loss = r.choice('loss', LOSS_NAMES);
  if (loss) spec.loss = loss;
  const hd = r.number('huberDelta', 0, Infinity, { minExclusive: true });
  if (hd !== undefined) spec.huberDelta = hd;
  if (!Array.isArray(input.layers) || input.layers.length === 0) {
    problems.push(m.noLayers());
  } else if (input.layers.length > LIMITS.layers) {
    problems.push(m.tooManyLayers(input.layers.length, LIMITS.layers));
  } else {
    const seen = new Map<string, string>();
    const lastDense = input.layers.map((raw: unknown) => isRecord(raw) && raw.type === 'dense').lastIndexOf(true);
    input.layers.forEach((raw: unknown, i: number) => {
      const path = `layers[${i}]`;
      const layer = readLayer(raw, path, i === (input.layers as unknown[]).length - 1, i === lastDense, problems);
      if (!layer) return;
      if (layer.id) {
        const first = seen.get(layer.id);
        if (first) problems.push(m.duplicateId(path, layer.id, first));
        else seen.set(layer.id, path);
      }
      spec.layers.push(layer);
    });
  }
  const tr = r.object('training');
  if (tr) spec.training = readTraining(tr);
  return { spec: problems.length === 0 ? spec : spec.layers.length ? spec : null, problems };
}

/** Validate a spec's structure, throwing a SpecError listing every problem. */
export function parseSpec(input: unknown): NetworkSpec {
  const { spec, problems } = checkSpecStructure(input);
  if (problems.length || !spec) throw new SpecError(problems);
  return spec;
}
