/** Props of ImportPanel. */
export interface ImportPanelProps {
  /** Compact form (a toolbar row) once a dataset is loaded. */
  compact?: boolean;
}
