/** ExportView is a top-level view and takes no props. */
export type ExportViewProps = Record<string, never>;
