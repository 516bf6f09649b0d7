import type { RunOrigin } from '../../../state/run-record.ts';

/** Props of StoredMetrics: the metrics a model file stored per split when it was written. */
export interface StoredMetricsProps {
  origin: RunOrigin;
}
