/**
 * The worker's memory estimate: the bytes of the typed arrays it keeps, and of plain number arrays (a
 * model file's weights) at 8 bytes a number. Strings and object overhead are left out, so this is a floor,
 * but it is what grows with rows, runs and network size.
 */

/** Bytes a JavaScript number takes in a plain array (a double). */
const NUMBER_BYTES = 8;

/**
 * Bytes of the typed arrays (and number arrays) reachable from `roots`, each underlying buffer counted once. `seen` carries
 * the buffers already counted across calls, so shared arrays (a run's weights also in its model) count once.
 */
export function typedArrayBytes(roots: readonly unknown[], seen: Set<ArrayBufferLike> = new Set()): number {
  let bytes = 0;
  const visited = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || visited.has(v)) continue;
    visited.add(v);
    if (ArrayBuffer.isView(v)) {
      if (!seen.has(v.buffer)) {
        seen.add(v.buffer);
        bytes += v.buffer.byteLength;
      }
      continue;
    }
    if (v instanceof ArrayBuffer) {
      if (!seen.has(v)) {
        seen.add(v);
        bytes += v.byteLength;
      }
      continue;
    }
    if (Array.isArray(v)) {
      for (const item of v) {
        if (typeof item === 'number') bytes += NUMBER_BYTES;
        else if (typeof item === 'object' && item !== null) stack.push(item);
      }
      continue;
    }
    if (v instanceof Map) {
      for (const item of v.values()) stack.push(item);
      continue;
    }
    for (const item of Object.values(v)) if (typeof item === 'object' && item !== null) stack.push(item);
  }
  return bytes;
}
