/** EvaluateView is a top-level view and takes no props. */
export type EvaluateViewProps = Record<string, never>;
