/** The workflow's views: a plain module so state and components share it without importing each other. */

/** The five views of the workflow, in order. */
export type ViewName = 'data' | 'model' | 'train' | 'evaluate' | 'export';
