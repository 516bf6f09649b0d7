/** Names of the icons the app draws (24×24 stroke icons). */
export type IconName =
  | 'data'
  | 'model'
  | 'train'
  | 'evaluate'
  | 'export'
  | 'upload'
  | 'download'
  | 'play'
  | 'pause'
  | 'stop'
  | 'undo'
  | 'redo'
  | 'plus'
  | 'trash'
  | 'copy'
  | 'up'
  | 'down'
  | 'grip'
  | 'sun'
  | 'moon'
  | 'monitor'
  | 'check'
  | 'alert'
  | 'x'
  | 'file'
  | 'folder'
  | 'save'
  | 'sparkle'
  | 'chip'
  | 'table'
  | 'info'
  | 'clock';

/** Props of Icon. */
export interface IconProps {
  name: IconName;
  /** Pixel size; default 16. */
  size?: number;
  /** Accessible label; decorative (hidden) when omitted. */
  label?: string;
}
