/** Props of MetricCard: one headline number. */
export interface MetricCardProps {
  label: string;
  value: string;
  hint?: string;
  tone?: 'default' | 'ok' | 'warn' | 'danger';
}
