/** The data view's two tabs. */
export type DataTab = 'columns' | 'preview';
