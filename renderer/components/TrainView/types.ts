/** TrainView is a top-level view and takes no props. */
export type TrainViewProps = Record<string, never>;
