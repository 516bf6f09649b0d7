/**
 * Spreads chart redraws over animation frames: at most one chart redraws per frame, and a chart asked
 * to redraw several times before its turn redraws once, with the latest data. Keeps each frame's work
 * (script plus the canvas commit) small while a fast run streams epochs.
 */
const queue = new Map<object, () => void>();
let frame = 0;

function tick(): void {
  frame = 0;
  const next = queue.entries().next();
  if (next.done) return;
  const [key, draw] = next.value;
  queue.delete(key);
  draw();
  if (queue.size) frame = requestAnimationFrame(tick);
}

/** Redraw `key` (with `draw`) on a coming frame; replaces any redraw of `key` still waiting. */
export function scheduleDraw(key: object, draw: () => void): void {
  queue.set(key, draw);
  if (!frame) frame = requestAnimationFrame(tick);
}

/** Forget a waiting redraw (the chart is gone). */
export function cancelDraw(key: object): void {
  queue.delete(key);
}
