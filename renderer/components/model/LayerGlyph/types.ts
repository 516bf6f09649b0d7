import type { LayerType } from '../../../../engine/protocol.ts';

/** Props of LayerGlyph: the colored badge identifying a layer type. */
export interface LayerGlyphProps {
  type: LayerType;
  size?: number;
}
