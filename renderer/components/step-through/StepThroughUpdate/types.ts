import type { WireStepTrace } from '../../../../engine/protocol/index.ts';

/** Props of StepThroughUpdate: what the traced step's update did to the loss and the weights. */
export interface StepThroughUpdateProps {
  trace: WireStepTrace;
}
