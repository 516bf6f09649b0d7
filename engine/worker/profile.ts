/** The engine's column profiles, as the data view's cards show them. */
import type { ColumnProfile } from '../data/index.ts';
import type { ColumnInfo } from '../protocol/index.ts';

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** One profile card's data. */
export function columnInfo(p: ColumnProfile): ColumnInfo {
  return {
    name: p.name,
    type: p.type,
    exclusion: p.exclusion,
    missing: p.missing,
    distinct: p.distinct,
    min: finiteOrNull(p.min),
    max: finiteOrNull(p.max),
    mean: finiteOrNull(p.mean),
    std: finiteOrNull(p.std),
    histogram: p.histogram,
    topCategories: p.topValues,
  };
}
