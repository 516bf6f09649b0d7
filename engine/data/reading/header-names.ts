/** Unique column names from a header row whose names repeat, in time linear in the number of columns. */

/** One column given a new name because an earlier column had its name. */
export interface Renamed {
  /** 0-based column index. */
  index: number;
  original: string;
  name: string;
}

/**
 * Renames, in place, every repeat of an earlier non-empty name to `name_2`, `name_3`, … skipping any name
 * some column already has, and returns the renamings in column order. Each base name keeps its own next
 * suffix and only counts up, and each name the search skips belongs to a column (or an earlier renaming),
 * so the work is linear in the number of columns: 50,000 columns named `a` need 50,000 steps, not 10⁹.
 */
export function renameDuplicates(names: string[]): Renamed[] {
  const taken = new Set(names);
  const seen = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const renamed: Renamed[] = [];
  for (const [index, original] of names.entries()) {
    if (original === '') continue;
    if (!seen.has(original)) {
      seen.add(original);
      continue;
    }
    let k = nextSuffix.get(original) ?? 2;
    while (taken.has(`${original}_${k}`)) k++;
    const name = `${original}_${k}`;
    nextSuffix.set(original, k + 1);
    taken.add(name);
    seen.add(name);
    names[index] = name;
    renamed.push({ index, original, name });
  }
  return renamed;
}
