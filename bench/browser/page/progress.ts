/** Shared by the worker's parts: the run's data and progress lines to the runner's terminal. */

/** Training arrays of a run: the first `rows` rows of the file Node wrote (x row-major, then y). */
export interface RunData {
  x: Float32Array;
  y: Float32Array;
  rows: number;
}

/** Send a progress line to the runner's terminal (the page logs it; run.ts prints it). */
export function progress(line: string): void {
  self.postMessage({ progress: line });
}
