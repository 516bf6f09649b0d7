/** TrainView is a top-level view and takes no props. */
export type TrainViewProps = Record<string, never>;

/** The train view's tabs: live charts, run comparison, and stepping through one iteration (issue 8). */
export type TrainTab = 'live' | 'compare' | 'step';
