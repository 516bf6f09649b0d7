/** Catalog of training messages: refusals before a run, problems loading weights, and the run's own warnings. */
import type { Problem } from '../errors.ts';

/** Builders for every training problem, keyed by stable code. */
export const trainMessages = {
  noRows: (): Problem => ({
    code: 'train/no-rows',
    path: 'data',
    message: 'The training split has no rows. Use a larger dataset or smaller validation/test fractions.',
  }),
  nothingToContinue: (done: number, epochs: number): Problem => ({
    code: 'train/nothing-to-continue',
    path: 'training.epochs',
    message:
      `The run to continue has already trained ${done} epochs, and training is set to ${epochs} in all. ` +
      `Set more than ${done} epochs to train more.`,
  }),
  optimizerStateMismatch: (tensors: number, needed: number): Problem => ({
    code: 'train/optimizer-state-mismatch',
    path: 'training.optimizer',
    message:
      `The optimizer state to continue from does not fit this network and optimizer (${tensors} tensors for ` +
      `${needed}). Continue with the same network and optimizer type, or start the optimizer afresh.`,
  }),
  diverged: (what: string, lr: number, suggested: number, clipping: string): Problem => ({
    code: 'train/diverged',
    path: 'training.optimizer.learningRate',
    message:
      `Training diverged: ${what}. Lower the learning rate (now ${lr}) to ${suggested} or less, make sure the ` +
      `inputs are scaled (standardize them), or use ${clipping}.`,
  }),
  notRunning: (): Problem => ({
    code: 'train/not-running',
    path: '',
    message: 'This run has ended. Step through its final weights instead.',
  }),
  notPaused: (): Problem => ({
    code: 'train/not-paused',
    path: '',
    message: 'This run is still training. Pause it to step through its current weights.',
  }),
  missingWeight: (path: string, name: string, layer: string): Problem => ({
    code: 'model/missing-weight',
    path,
    message: `The model file has no tensor '${name}' for layer '${layer}'. Export the model again from the run that trained it.`,
  }),
  weightShape: (
    path: string,
    name: string,
    layer: string,
    shape: readonly number[],
    values: number,
    needed: readonly number[],
  ): Problem => ({
    code: 'model/weight-shape',
    path,
    message:
      `Tensor '${name}' of layer '${layer}' has shape [${shape.join(', ')}] with ${values} values, but the network ` +
      `needs [${needed.join(', ')}].`,
  }),
};

/** Texts of the run's diagnostics (warnings and notes shown beside the charts, not errors). */
export const diagnosticMessages = {
  backendFallback: (lost: string, why: string, next: string, epoch: number): string =>
    `The GPU stopped responding (${lost}: ${why}). Training continues on ${next} from the start of epoch ${epoch}; ` +
    'no step is lost.',
  explodingGradients: (layer: string, gradNorm: string, weightNorm: string, advice: string): string =>
    `Gradients at layer '${layer}' are exploding (norm ${gradNorm} against weights of norm ${weightNorm}): steps are ` +
    `too large to learn steadily. ${advice}.`,
  vanishingGradients: (layer: string, ratio: string, top: string, hasBatchNorm: boolean): string =>
    `Gradients reaching layer '${layer}' are ${ratio}× smaller than at '${top}', so it barely learns. Use ReLU-family ` +
    `activations instead of sigmoid/tanh in hidden layers, He initialization, ` +
    `${hasBatchNorm ? 'or fewer layers' : 'fewer layers, or batch normalization'}.`,
};
