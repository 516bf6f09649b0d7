/** The workflow's views: a plain module so state and components share it without importing each other. */

/** The five views of the workflow, in order (the tabs, and Alt+1 … Alt+5). */
export const VIEW_NAMES = ['data', 'model', 'train', 'evaluate', 'export'] as const;

/** One of the workflow's views. */
export type ViewName = (typeof VIEW_NAMES)[number];
