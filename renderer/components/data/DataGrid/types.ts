/** Props of DataGrid: a virtualized view of the table's rows, fetched from the engine page by page. */
export interface DataGridProps {
  /** Column names, in file order. */
  columns: readonly string[];
  rows: number;
  /** Highlighted column (the target). */
  highlight?: string | null;
  /** Accessible name of the grid. */
  label: string;
  /** Rows for [start, start+count). */
  fetchRows: (start: number, count: number) => Promise<string[][]>;
  /** Explain row r (0-based) with the latest trained model: each row gets a Why button. */
  onexplain?: (row: number) => void;
}
