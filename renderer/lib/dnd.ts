/** Drag-and-drop items shared by the layer palette and the network stack (svelte-dnd-action zones of one type). */
import type { LayerSpec, LayerType } from '../../engine/protocol/index.ts';

/** Zone type shared by the palette and the network, so items move between them. */
export const LAYER_DND_TYPE = 'backprop-layers';

/** An item in either zone: a palette entry (a layer type to create) or a layer of the network. */
export interface LayerItem {
  id: string;
  /** Set on palette entries: the layer type a drop creates. */
  paletteType: LayerType | null;
  /** Set on network items. */
  layer: LayerSpec | null;
  /** svelte-dnd-action marks its placeholder item with this. */
  isDndShadowItem?: boolean;
}

/**
 * The items with the drag placeholder moved to where the pointer is: after every other item whose middle lies
 * above `pointerY` (`middles[i]` is the vertical middle of the i-th item that is not the placeholder). The drop
 * gap so opens under the pointer, and aiming at a card's lower half puts the layer after it.
 */
export function placeShadow<T extends { isDndShadowItem?: boolean }>(
  items: readonly T[],
  middles: readonly number[],
  pointerY: number,
): T[] {
  const shadow = items.find((i) => i.isDndShadowItem);
  if (!shadow) return [...items];
  const others = items.filter((i) => i !== shadow);
  const index = middles.filter((m) => m < pointerY).length;
  return [...others.slice(0, index), shadow, ...others.slice(index)];
}
