/** App is the root component and takes no props. */
export type AppProps = Record<string, never>;
