/**
 * The graph's outputs from the network's: classification `probabilities` [N, classes] in `task.classes`
 * order (a sigmoid output p becomes [1 − p, p]: p is P(classes[1])) and `label` [N], the first most
 * probable class; regression `value` [N, 1] = output · std + mean, in the target's units.
 */
import type { ModelFile } from '../model-file.ts';
import { checkedPreprocessing } from '../preprocessing-check.ts';
import { DataType, type ValueInfo } from './proto.ts';
import type { GraphBuilder } from './graph.ts';

/** Adds the output nodes after the network output `y` (their names are reserved already); returns the graph outputs. */
export function emitOutputs(g: GraphBuilder, model: ModelFile, y: string): ValueInfo[] {
  const pre = checkedPreprocessing(model);
  if (model.task.kind === 'regression') {
    const target = pre?.target.kind === 'regression' ? pre.target : { mean: 0, std: 1, column: 'value' };
    const scaled = g.op('Mul', [y, g.floats('target/std', [target.std], [])], 'target/scaled');
    g.op('Add', [scaled, g.floats('target/mean', [target.mean], [])], 'value', undefined, { output: 'value' });
    return [
      { name: 'value', type: DataType.FLOAT, shape: ['N', 1], doc: `the predicted '${target.column}', in its units` },
    ];
  }
  const classes = model.task.classes;
  let probabilities: string;
  if (model.outputs === 1) {
    const q = g.op('Sub', [g.floats('one', [1], []), y], 'probability_0');
    probabilities = g.op('Concat', [q, y], 'probabilities', { axis: { int: 1 } }, { output: 'probabilities' });
  } else {
    probabilities = g.op('Identity', [y], 'probabilities', undefined, { output: 'probabilities' });
  }
  const index = g.op('ArgMax', [probabilities], 'class_index', { axis: { int: 1 }, keepdims: { int: 0 } });
  const names = g.constant('classes', { type: DataType.STRING, dims: [classes.length], data: classes });
  g.op('Gather', [names, index], 'label', { axis: { int: 0 } }, { output: 'label' });
  return [
    {
      name: 'probabilities',
      type: DataType.FLOAT,
      shape: ['N', classes.length],
      doc: `P(class) in the order ${JSON.stringify(classes)}`,
    },
    { name: 'label', type: DataType.STRING, shape: ['N'], doc: 'the most probable class' },
  ];
}
