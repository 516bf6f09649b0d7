import type { LayerShape, LayerSpec, Problem } from '../../../../engine/protocol/index.ts';

/** Props of LayerCard: one layer in the network stack. */
export interface LayerCardProps {
  layer: LayerSpec;
  shape: LayerShape | null;
  problems: readonly Problem[];
  isSelected: boolean;
  /** The fixed output layer: no move, duplicate or delete. */
  isOutput?: boolean;
  /** Output of the task, for the output layer's caption ("3 classes"). */
  outputCaption?: string;
  canMoveUp?: boolean;
  canMoveDown?: boolean;
  onmove?: (delta: number) => void;
  onduplicate?: () => void;
  ondelete?: () => void;
}
