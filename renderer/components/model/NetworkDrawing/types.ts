/** One column of neurons: the input features, or a dense layer's units. */
export interface DrawingColumn {
  id: string;
  title: string;
  /** Number of neurons (drawn up to `maxNeurons`, the rest summarised). */
  units: number;
  /** Per-neuron names (features, classes); shown beside the first and last column. */
  labels?: readonly string[];
  /** Shown under the title instead of the neuron count (a value the engine refuses, as typed). */
  caption?: string;
}

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
