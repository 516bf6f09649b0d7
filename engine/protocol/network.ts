/** The network family: check a network (layers and training settings) against the data before it trains. */
import type { Problem } from '../errors.ts';
import type { DatasetSettings } from '../data/index.ts';
import type { NetworkSpec, Task } from '../spec/index.ts';
import { reply, request } from './fields.ts';

/** Output shape and parameter count of one layer. */
export interface LayerShape {
  id: string;
  /** `[null, units]`: null is the batch dimension (or a width that needs the data). */
  outputShape: (number | null)[];
  params: number;
}

/** The network requests. */
export const NETWORK_REQUESTS = {
  /** Validate a network against the data: every problem, each layer's output shape and parameters. */
  'network/check': request<{ spec: NetworkSpec; settings: DatasetSettings | null }>()('network/checked', {
    spec: 'object',
    settings: 'object?',
  }),
};

/** The network events. */
export const NETWORK_EVENTS = {
  /** The check's problems, each layer's shape, and the task the data gives (null without data). */
  'network/checked': reply<{ problems: Problem[]; layers: LayerShape[]; totalParams: number; task: Task | null }>()({
    problems: 'array',
    layers: 'array',
    totalParams: 'number',
    task: 'object?',
  }),
};
