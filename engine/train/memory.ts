/** The memory check a run makes before it allocates anything, with the batch it will really use. */
import { SpecError } from '../errors.ts';
import { estimateTrainingMemory, formatBytes, LIMITS } from '../spec/limits.ts';
import { specMessages } from '../spec/messages.ts';
import type { ResolvedNetwork } from '../spec/resolve.ts';
import type { OptimizerName } from '../spec/types.ts';

/**
 * Throw a SpecError with the estimate and the limit when training `net` in batches of `batchRows` would not
 * fit (`predictRows`: the most rows the epoch's metrics predict); `fewerRows` says how to use fewer rows at once.
 */
export function checkMemory(
  net: ResolvedNetwork,
  batchRows: number,
  optimizer: OptimizerName,
  fewerRows?: string,
  predictRows = batchRows,
): void {
  const m = estimateTrainingMemory(net, batchRows, optimizer, predictRows);
  if (m.total > LIMITS.trainingBytes) {
    throw new SpecError(
      specMessages.tooMuchMemory(
        m.parameters,
        batchRows,
        formatBytes(m.total),
        formatBytes(LIMITS.trainingBytes),
        fewerRows,
      ),
    );
  }
}
