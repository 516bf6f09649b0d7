/** SweepView is the Train view's Sweep tab and takes no props (the sweep lives on the project). */
export type SweepViewProps = Record<string, never>;
