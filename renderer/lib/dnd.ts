/** Drag-and-drop items shared by the layer palette and the network stack (svelte-dnd-action zones of one type). */
import type { LayerSpec, LayerType } from '../../engine/protocol.ts';

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
