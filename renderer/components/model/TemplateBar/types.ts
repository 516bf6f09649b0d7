import type { Template } from '../../../lib/layers.ts';

/** Props of TemplateBar. */
export interface TemplateBarProps {
  templates: readonly Template[];
  onapply: (template: Template) => void;
}
