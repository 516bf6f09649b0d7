/** A confusion-matrix cell. */
export interface CellRef {
  actual: number;
  predicted: number;
}

/** Props of ConfusionMatrix: counts[actual][predicted]; each cell is a button listing its rows. */
export interface ConfusionMatrixProps {
  classes: readonly string[];
  counts: readonly (readonly number[])[];
  selected: CellRef | null;
  onselect: (cell: CellRef) => void;
}
