import type { ColumnInfo, ColumnRole, ColumnSettings, ColumnType } from '../../../../engine/protocol/index.ts';

/** Props of ColumnControls: the menus that set how one column is used and prepared. */
export interface ColumnControlsProps {
  column: ColumnInfo;
  role: ColumnRole;
  settings: ColumnSettings;
  /** The column's type in effect: the one set, else the inferred one. */
  type: ColumnType;
  onchange: (patch: Partial<ColumnSettings>) => void;
}
