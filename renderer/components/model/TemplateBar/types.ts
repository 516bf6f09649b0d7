import type { Template } from '../../../state/network-editor.svelte.ts';

/** Props of TemplateBar. */
export interface TemplateBarProps {
  templates: readonly Template[];
  onapply: (template: Template) => void;
}
