/** Props of ProgressBar. */
export interface ProgressBarProps {
  /** 0–1, or null for an indeterminate bar. */
  value: number | null;
  /** Accessible name of the bar. */
  label: string;
  /** Text for screen readers and the tooltip, e.g. "Epoch 3 of 10". */
  valueText?: string;
  tone?: 'accent' | 'ok' | 'warn' | 'danger';
}
