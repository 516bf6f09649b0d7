/**
 * Main-thread tasks of the app's page, read from a Chromium trace (categories `devtools.timeline` and
 * `disabled-by-default-devtools.timeline`): every `RunTask` on the `CrRendererMain` thread of the process
 * that renders the page, with its duration. Workers run on other threads and are not counted: the
 * question is whether the page stays responsive while they work.
 */

/** Trace categories that record every main-thread task with its duration. */
export const TASK_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** A task longer than this blocks input noticeably (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/** What one flow's main-thread tasks looked like. */
export interface TaskStats {
  /** Main-thread tasks in the traced window. */
  tasks: number;
  /** The longest task, in milliseconds. */
  longestMs: number;
  /** The 99th percentile of task durations (nearest rank), in milliseconds. */
  p99Ms: number;
  /** Tasks longer than LONG_TASK_MS. */
  longTasks: number;
  /** Seconds from the first task to the end of the last. */
  spanS: number;
}

interface TraceEvent {
  name?: unknown;
  ph?: unknown;
  pid?: unknown;
  tid?: unknown;
  ts?: unknown;
  dur?: unknown;
  args?: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The pid rendering the page at `url` (from `TracingStartedInBrowser`), or null when the trace does not say. */
function pageProcess(events: readonly TraceEvent[], url: string): number | null {
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser' || !isRecord(e.args) || !isRecord(e.args['data'])) continue;
    const frames = e.args['data']['frames'];
    if (!Array.isArray(frames)) continue;
    for (const f of frames) {
      if (isRecord(f) && typeof f['url'] === 'string' && f['url'].startsWith(url) && typeof f['processId'] === 'number')
        return f['processId'];
    }
  }
  return null;
}

/** The durations (ms) of the page's main-thread tasks in a trace, in trace order. */
export function mainThreadTasks(traceJson: string, pageUrl: string): { durationsMs: number[]; spanS: number } {
  const parsed: unknown = JSON.parse(traceJson);
  const events: TraceEvent[] =
    isRecord(parsed) && Array.isArray(parsed['traceEvents']) ? parsed['traceEvents'].filter(isRecord) : [];
  const pid = pageProcess(events, pageUrl);
  const mains = events.filter(
    (e) =>
      e.name === 'thread_name' &&
      isRecord(e.args) &&
      e.args['name'] === 'CrRendererMain' &&
      (pid === null || e.pid === pid),
  );
  if (mains.length !== 1)
    throw new Error(`expected one renderer main thread for ${pageUrl} in the trace, found ${mains.length}`);
  const main = mains[0]!;
  const tasks = events.filter(
    (e) =>
      e.name === 'RunTask' &&
      e.ph === 'X' &&
      e.pid === main.pid &&
      e.tid === main.tid &&
      typeof e.dur === 'number' &&
      typeof e.ts === 'number',
  );
  if (!tasks.length) return { durationsMs: [], spanS: 0 };
  const start = Math.min(...tasks.map((t) => t.ts as number));
  const end = Math.max(...tasks.map((t) => (t.ts as number) + (t.dur as number)));
  return { durationsMs: tasks.map((t) => (t.dur as number) / 1000), spanS: (end - start) / 1e6 };
}

/** The nearest-rank percentile `p` (0–100) of `values`; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

/** Summarise task durations. */
export function taskStats(durationsMs: readonly number[], spanS: number): TaskStats {
  return {
    tasks: durationsMs.length,
    longestMs: durationsMs.reduce((a, b) => Math.max(a, b), 0),
    p99Ms: percentile(durationsMs, 99),
    longTasks: durationsMs.filter((d) => d > LONG_TASK_MS).length,
    spanS,
  };
}
