import type { Problem } from '../../../../engine/protocol/index.ts';

/** An input event on the field's number box. */
export type NumberFieldEvent = Event & { currentTarget: EventTarget & HTMLInputElement };

/** Props of NumberField: a labelled number box with the engine's problem for it shown beneath. */
export interface NumberFieldProps {
  label: string;
  /** The value shown; undefined or null shows the box empty (with `placeholder`). */
  value: number | string | null | undefined;
  step?: string;
  min?: string;
  max?: string;
  placeholder?: string;
  /** The engine's problem with this field: marks the box invalid and shows the message under it. */
  problem?: Problem | undefined;
  oninput?: (e: NumberFieldEvent) => void;
  /** For a value applied once typed (the data split), instead of on every keystroke. */
  onchange?: (e: NumberFieldEvent) => void;
}
