/** Early stopping: watch one monitored value per epoch, keep the best weights when asked, stop when patience runs out. */
import { isMaximized } from '../optimizers/index.ts';
import type { MonitorName } from '../spec/types.ts';
import type { TrainingConfig } from './config.ts';
import type { EpochSummary, WeightTensor } from './types.ts';

/** The values an epoch offers to monitor: `loss` and the train metrics, `valLoss` and `val<Metric>`. */
export function monitorValues(s: EpochSummary): Partial<Record<MonitorName, number>> {
  const m: Partial<Record<MonitorName, number>> = { loss: s.loss };
  const cap = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);
  for (const [k, v] of Object.entries(s.metrics)) m[k as MonitorName] = v;
  if (s.valLoss !== null) m.valLoss = s.valLoss;
  for (const [k, v] of Object.entries(s.valMetrics ?? {})) m[`val${cap(k)}` as MonitorName] = v;
  return m;
}

/** The early-stopping state of one run; without `training.earlyStopping` nothing improves and nothing stops. */
export class EarlyStopping {
  private readonly monitor: MonitorName;
  private readonly maximize: boolean;
  private bestValue: number;
  private wait = 0;
  /** Epoch (from 1) of the best value so far; 0 before any. */
  bestEpoch = 0;
  /** The weights of the best epoch, kept only with `restoreBestWeights`. */
  bestWeights: WeightTensor[] | null = null;

  /** `defaultMonitor` is used when the config names none; without validation rows a `val*` monitor falls back to its training counterpart. */
  constructor(
    private readonly config: TrainingConfig['earlyStopping'],
    defaultMonitor: MonitorName,
    hasValidation: boolean,
  ) {
    const named = config?.monitor;
    this.monitor = !named
      ? defaultMonitor
      : !hasValidation && named.startsWith('val')
        ? ((named.charAt(3).toLowerCase() + named.slice(4)) as MonitorName)
        : named;
    this.maximize = isMaximized(this.monitor);
    this.bestValue = this.maximize ? -Infinity : Infinity;
  }

  /** Whether the best weights are read back when an epoch improves (and restored on an early stop). */
  get keepsBestWeights(): boolean {
    return !!this.config?.restoreBestWeights;
  }

  /** True when this epoch beats the best so far by more than `minDelta`. */
  improves(summary: EpochSummary): boolean {
    const c = this.config;
    const v = monitorValues(summary)[this.monitor];
    return (
      !!c && v !== undefined && (this.maximize ? v > this.bestValue + c.minDelta : v < this.bestValue - c.minDelta)
    );
  }

  /** Record an epoch once it is in the history (`improved` from `improves`); true when the run should stop here. */
  shouldStop(summary: EpochSummary, improved: boolean): boolean {
    const c = this.config;
    if (!c) return false;
    if (improved) {
      this.bestValue = monitorValues(summary)[this.monitor]!;
      this.bestEpoch = summary.epoch;
      this.wait = 0;
      return false;
    }
    return ++this.wait > c.patience;
  }

  /**
   * At the end of a run that stopped early, load the best epoch's weights into `network` when they were kept.
   * Returns the epoch (from 1) whose weights the network holds: the best one, or `lastEpoch`.
   */
  restoreBest(
    network: { loadWeights(weights: readonly WeightTensor[]): void },
    stopped: boolean,
    lastEpoch: number,
  ): number {
    if (!stopped || !this.keepsBestWeights || !this.bestWeights) return lastEpoch;
    network.loadWeights(this.bestWeights);
    return this.bestEpoch;
  }
}
