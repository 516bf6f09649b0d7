/** App is the root component and takes no props. */
export type AppProps = Record<string, never>;

/** State of the autosave indicator. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';
