/** A table column as the data view's profile card shows it. */
import type { TableColumn } from '../data/index.ts';
import type { ColumnInfo } from '../protocol.ts';

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Type, counts and statistics of one column (histograms come from the engine's profile). */
export function profileColumn(c: TableColumn, _rows: number): ColumnInfo {
  const s = c.summary;
  return {
    name: c.name,
    type: c.inferred.type,
    exclusion: c.inferred.exclusion,
    missing: s.missing,
    distinct: s.distinct,
    min: finiteOrNull(s.min),
    max: finiteOrNull(s.max),
    mean: finiteOrNull(s.mean),
    std: finiteOrNull(s.std),
    histogram: [],
    topCategories: [],
  };
}
