import type { LayerType } from '../../../../engine/protocol/index.ts';

/** Props of LayerPalette. */
export interface LayerPaletteProps {
  /** Add a layer at the end of the network (the keyboard and click path; dragging drops anywhere). */
  onadd: (type: LayerType) => void;
}
