import type { WireStepTrace } from '../../../../engine/protocol/index.ts';
import type { Connection } from '../../../state/step-through.svelte.ts';
import type { Stage, StepColumn } from '../../../lib/step-through-model.ts';

/** Props of StepThroughChain: the chain-rule product of one connection, chosen by click or by the selects. */
export interface StepThroughChainProps {
  trace: WireStepTrace;
  columns: readonly StepColumn[];
  stage: Stage;
  selected: Connection | null;
  onselect: (connection: Connection | null) => void;
  /** Go to the backward stage of a column (when its gradient is not computed yet at this stage). */
  onbackward: (column: number) => void;
}
