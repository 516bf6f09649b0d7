/** DataView is a top-level view and takes no props. */
export type DataViewProps = Record<string, never>;

/** The data view's two tabs. */
export type DataTab = 'columns' | 'preview';
