/** TrainView is a top-level view and takes no props. */
export type TrainViewProps = Record<string, never>;

/** The train view's tabs: live charts, run comparison, stepping through one iteration (issue 8), and hyperparameter sweeps (issue 7). */
export type TrainTab = 'live' | 'compare' | 'step' | 'sweep';
