/**
 * The network as ONNX operators, in inference form: dense → Gemm, batch norm → BatchNormalization on the
 * running statistics, dropout → nothing, activations from one table (GELU exact: x·(1 + erf(x/√2))/2).
 */
import type { ModelFile } from '../model-file.ts';
import { resolveNetwork, type ActivationName } from '../../spec/index.ts';
import type { GraphBuilder } from './graph.ts';
import { ExportError } from './export-error.ts';

type Emit = (g: GraphBuilder, x: string, base: string) => string;

/** ONNX for each activation (standard domain, opset 17). */
const ACTIVATION_OPS: Readonly<Record<ActivationName, Emit>> = {
  linear: (_g, x) => x,
  sigmoid: (g, x, base) => g.op('Sigmoid', [x], base),
  tanh: (g, x, base) => g.op('Tanh', [x], base),
  relu: (g, x, base) => g.op('Relu', [x], base),
  leakyRelu: (g, x, base) => g.op('LeakyRelu', [x], base, { alpha: { float: 0.01 } }),
  elu: (g, x, base) => g.op('Elu', [x], base, { alpha: { float: 1 } }),
  gelu: (g, x, base) => {
    const erf = g.op(
      'Erf',
      [g.op('Mul', [x, g.floats(`${base}/inv_sqrt2`, [Math.SQRT1_2], [])], `${base}/scaled`)],
      `${base}/erf`,
    );
    const onePlus = g.op('Add', [erf, g.floats(`${base}/one`, [1], [])], `${base}/one_plus`);
    return g.op('Mul', [g.op('Mul', [x, onePlus], `${base}/x_phi2`), g.floats(`${base}/half`, [0.5], [])], base);
  },
  softplus: (g, x, base) => g.op('Softplus', [x], base),
  softmax: (g, x, base) => g.op('Softmax', [x], base, { axis: { int: -1 } }),
};

/** Adds activation `name` after `x`. */
export function emitActivation(g: GraphBuilder, name: ActivationName, x: string, base: string): string {
  return ACTIVATION_OPS[name](g, x, base);
}

function weight(model: ModelFile, layer: string, name: string): number[] {
  const w = model.weights.find((t) => t.layer === layer && t.name === name);
  if (!w)
    throw new ExportError(
      'export/missing-weights',
      `The model file has no '${name}' for layer '${layer}'. Train and save the model again.`,
    );
  return w.data;
}

/** The network's outputs [N, model.outputs] for the input matrix `x` [N, model.inputs]. */
export function emitNetwork(g: GraphBuilder, model: ModelFile, x: string): string {
  const net = resolveNetwork(model.spec, model.inputs, model.task);
  let h = x;
  for (const l of net.layers) {
    const base = `layer_${l.id}`;
    if (l.type === 'dense') {
      const kernel = g.floats(`${base}/kernel`, weight(model, l.id, 'kernel'), [l.inputs, l.units]);
      const bias = g.floats(`${base}/bias`, weight(model, l.id, 'bias'), [l.units]);
      h = emitActivation(g, l.activation, g.op('Gemm', [h, kernel, bias], `${base}/z`), `${base}/y`);
    } else if (l.type === 'batchNorm') {
      const p = (n: string): string => g.floats(`${base}/${n}`, weight(model, l.id, n), [l.units]);
      h = g.op('BatchNormalization', [h, p('gamma'), p('beta'), p('movingMean'), p('movingVariance')], `${base}/y`, {
        epsilon: { float: l.epsilon },
      });
    } else if (l.type === 'activation') {
      h = emitActivation(g, l.activation, h, `${base}/y`);
    }
  }
  return h;
}
