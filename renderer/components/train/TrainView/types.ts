/** The train view's tabs: live charts, run comparison, stepping through one iteration, and hyperparameter sweeps. */
export type TrainTab = 'live' | 'compare' | 'step' | 'sweep';
