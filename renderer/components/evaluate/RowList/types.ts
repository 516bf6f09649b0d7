/** Props of RowList: some rows of the loaded table, with extra columns (actual, predicted). */
export interface RowListProps {
  title: string;
  columns: readonly string[];
  /** Row indices in the table (0-based). */
  indices: Int32Array;
  /** Extra cells per listed row, e.g. the prediction. */
  extra: { name: string; values: readonly string[] }[];
  fetchRows: (indices: Int32Array) => Promise<string[][]>;
  /** Explain a row (its table index): the row number becomes a button. */
  onpick?: (row: number) => void;
}
