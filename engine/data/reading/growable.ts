/** Typed arrays that grow while a file streams in, and are cut to the row count once it is read. */

/** A copy of `a` with room for `size` cells; new cells get `fill` (null: left for the caller to write). */
export function grow<T extends Float64Array | Int32Array>(a: T, size: number, fill: number | null): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  if (fill !== null && fill !== 0) next.fill(fill, a.length);
  return next;
}

/** Exactly `n` cells of `a`: shared when little capacity would be wasted, else copied so the spare is freed. */
export function trim<T extends Float64Array | Int32Array>(a: T, n: number): T {
  return a.length - n <= n / 8 ? (a.subarray(0, n) as T) : (a.slice(0, n) as T);
}
