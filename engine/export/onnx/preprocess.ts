/** Raw columns → the input matrix, inside the graph. */
import type { ModelFile } from '../model-file.ts';
import type { GraphBuilder } from './graph.ts';
import type { ValueInfo } from './proto.ts';
import { ExportError } from './export-error.ts';

/** Graph inputs (one per raw column) and the name of the input matrix built from them. */
export function emitPreprocessing(_g: GraphBuilder, _model: ModelFile): { inputs: ValueInfo[]; matrix: string } {
  throw new ExportError('export/todo', 'not yet');
}
