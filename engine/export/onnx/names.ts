/** Graph input and output names: the outputs are fixed, the raw-column inputs are the CSV's column names. */
import { ExportError } from './export-error.ts';
import type { GraphBuilder } from './graph.ts';

/** The output names of a graph, by task. */
export const OUTPUT_NAMES = { classification: ['probabilities', 'label'], regression: ['value'] } as const;

/** Reserves `name` for a graph input or output, or explains the clash. */
export function reserveName(g: GraphBuilder, name: string): string {
  const got = g.reserve(name);
  if (got === null) {
    throw new ExportError(
      'export/name-clash',
      `Column '${name}' has the same name as an output of the ONNX graph (probabilities, label, value), and ONNX names must be unique. Export with --inputs matrix, or rename the column and train again.`,
    );
  }
  return got;
}
