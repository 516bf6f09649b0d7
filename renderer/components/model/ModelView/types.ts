/** ModelView is a top-level view and takes no props. */
export type ModelViewProps = Record<string, never>;
