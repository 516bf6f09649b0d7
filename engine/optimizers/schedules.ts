/** Learning-rate schedules, evaluated at the start of each epoch (epoch counts from 0). */
import type { MonitorName, ScheduleSpec } from '../spec/types.ts';

/** A schedule: `rate(epoch)` before the epoch runs; `observe` feeds the epoch's metrics (plateau only). */
export interface Schedule {
  rate(epoch: number): number;
  observe(metrics: Partial<Record<MonitorName, number>>): void;
}

/** Whether a larger value of the metric is better. */
export function isMaximized(monitor: MonitorName): boolean {
  return /accuracy|r2/i.test(monitor);
}

/** Build a schedule for base rate lr0 over `epochs` epochs; `fallbackMonitor` when reduceOnPlateau names none. */
export function createSchedule(
  spec: ScheduleSpec | undefined,
  lr0: number,
  epochs: number,
  fallbackMonitor: MonitorName,
): Schedule {
  const s = spec ?? { type: 'constant' };
  switch (s.type) {
    case 'constant':
      return { rate: () => lr0, observe: () => {} };
    case 'step':
      return { rate: (e) => lr0 * Math.pow(s.gamma, Math.floor(e / s.stepSize)), observe: () => {} };
    case 'exponential':
      return { rate: (e) => lr0 * Math.pow(s.gamma, e), observe: () => {} };
    case 'cosine': {
      const min = s.minLearningRate ?? 0;
      return {
        rate: (e) => min + ((lr0 - min) * (1 + Math.cos((Math.PI * e) / Math.max(1, epochs)))) / 2,
        observe: () => {},
      };
    }
    case 'reduceOnPlateau': {
      const monitor = s.monitor ?? fallbackMonitor;
      const factor = s.factor ?? 0.1;
      const patience = s.patience ?? 5;
      const minDelta = s.minDelta ?? 1e-4;
      const minLr = s.minLearningRate ?? 0;
      const max = isMaximized(monitor);
      let lr = lr0;
      let best = max ? -Infinity : Infinity;
      let wait = 0;
      return {
        rate: () => lr,
        observe(metrics) {
          const v = metrics[monitor];
          if (v === undefined || !Number.isFinite(v)) return;
          const improved = max ? v > best + minDelta : v < best - minDelta;
          if (improved) {
            best = v;
            wait = 0;
          } else if (++wait > patience) {
            lr = Math.max(minLr, lr * factor);
            wait = 0;
          }
        },
      };
    }
  }
}
