/** The ONNX export of a model file: one graph from raw columns (default) or from the input matrix to predictions. */
import type { ModelFile } from '../model-file.ts';
import { GraphBuilder } from './graph.ts';
import { emitNetwork } from './network.ts';
import { emitOutputs } from './outputs.ts';
import { OUTPUT_NAMES, reserveName } from './names.ts';
import { emitPreprocessing } from './preprocess.ts';
import { DataType, encodeModel, type ValueInfo } from './proto.ts';

/** What the exported graph takes: one input per raw CSV column, or the preprocessed input matrix. */
export type OnnxInputs = 'columns' | 'matrix';
/** Every `OnnxInputs` value. */
export const ONNX_INPUTS: readonly OnnxInputs[] = ['columns', 'matrix'];

/** Opsets the graphs use: the standard domain at 17 and ai.onnx.ml at 3. */
export const ONNX_OPSETS = [
  { domain: '', version: 17 },
  { domain: 'ai.onnx.ml', version: 3 },
];

/** The model as ONNX protobuf bytes. */
export function exportOnnx(model: ModelFile, inputs: OnnxInputs, producerVersion = '0.1.0'): Uint8Array {
  const g = new GraphBuilder();
  for (const name of OUTPUT_NAMES[model.task.kind]) reserveName(g, name);
  let graphInputs: ValueInfo[];
  let x: string;
  if (inputs === 'matrix') {
    x = reserveName(g, 'input');
    graphInputs = [
      {
        name: 'input',
        type: DataType.FLOAT,
        shape: ['N', model.inputs],
        doc: `the input matrix: ${model.featureNames.join(', ')}`,
      },
    ];
  } else {
    const pre = emitPreprocessing(g, model);
    x = pre.matrix;
    graphInputs = pre.inputs;
  }
  const outputs = emitOutputs(g, model, emitNetwork(g, model, x));
  return encodeModel({
    graphName: 'backprop_studio_model',
    nodes: g.nodes,
    initializers: g.initializers,
    inputs: graphInputs,
    outputs,
    opsets: ONNX_OPSETS,
    producerVersion,
    doc: `Backprop Studio model (${model.task.kind}), inputs: ${inputs === 'matrix' ? 'input matrix' : 'raw columns'}.`,
    metadata: {
      featureNames: JSON.stringify(model.featureNames),
      ...(model.task.kind === 'classification' ? { classes: JSON.stringify(model.task.classes) } : {}),
    },
  });
}
