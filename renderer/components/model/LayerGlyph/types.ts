import type { LayerType } from '../../../../engine/protocol/index.ts';

/** Props of LayerGlyph: the colored badge identifying a layer type. */
export interface LayerGlyphProps {
  type: LayerType;
  size?: number;
}
