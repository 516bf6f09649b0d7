import type { DrawingColumn } from '../../../lib/drawing.ts';

/** Props of NetworkDrawing: neurons and connections, coloured by weight once trained. */
export interface NetworkDrawingProps {
  columns: readonly DrawingColumn[];
  /**
   * kernels[i] connects columns[i] → columns[i+1]: shape [from.units, to.units], row-major
   * (w[j·to + k] is the weight from neuron j to neuron k). Null draws neutral connections.
   */
  kernels: readonly (Float32Array | null)[];
  /** Per gap, a note such as "dropout 10%" drawn between the columns. */
  notes?: readonly string[];
  /** Optional per-neuron values (e.g. activations) shown inside the neurons; same layout as columns. */
  values?: readonly (Float32Array | null)[];
  /** Neurons drawn per column before summarising. Default 12. */
  maxNeurons?: number;
  /** Accessible description of the picture. */
  label: string;
  height?: number;
}
