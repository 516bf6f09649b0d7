/** Toasts takes no props; it reads the notices from the app context. */
export type ToastsProps = Record<string, never>;
