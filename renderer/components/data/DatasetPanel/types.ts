/** DatasetPanel reads the dataset from context: target, task, split, summary and warnings. */
export type DatasetPanelProps = Record<string, never>;
