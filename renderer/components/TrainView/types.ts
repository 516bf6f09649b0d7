/** TrainView is a top-level view and takes no props. */
export type TrainViewProps = Record<string, never>;

/** The train view's tabs; a step-through tab joins them later (issue 8). */
export type TrainTab = 'live' | 'compare';
