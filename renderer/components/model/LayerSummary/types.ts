import type { LayerShape, LayerSpec } from '../../../../engine/protocol/index.ts';

/** Props of LayerSummary: the inspected layer's name, description, output shape and parameter count. */
export interface LayerSummaryProps {
  layer: LayerSpec;
  /** The fixed output layer, described as such. */
  isOutput: boolean;
  /** The engine's shape of the layer, or null when it is not known (then "?"). */
  shape: LayerShape | null;
}
