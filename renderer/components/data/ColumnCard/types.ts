import type { ColumnInfo, ColumnRole, ColumnSettings } from '../../../../engine/protocol/index.ts';

/** Props of ColumnCard: one column's profile and its settings. */
export interface ColumnCardProps {
  column: ColumnInfo;
  rows: number;
  role: ColumnRole;
  settings: ColumnSettings;
  onchange: (patch: Partial<ColumnSettings>) => void;
}
