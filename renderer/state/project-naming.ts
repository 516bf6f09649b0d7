/** What the app says and decides around a project's name and its work: imports, New project. */

/** The name a new project has. */
export const UNTITLED = 'Untitled project';

/** A file name without its extension: `iris.csv` → `iris`. */
export function baseName(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

/** The project name follows a newly imported dataset when the user never chose one: still the default, or the previous dataset's name. */
export function followsDataset(projectName: string, previousDataset: string | null): boolean {
  return projectName === UNTITLED || (previousDataset !== null && projectName === baseName(previousDataset));
}

/** The sentence after "Loaded x.csv" when runs trained on other data stay in the list (unknown datasets are not counted). */
export function keptRunsNote(runDatasets: readonly (string | null)[], loaded: string): string {
  const others = runDatasets.filter((d) => d !== null && d !== loaded).length;
  if (others === 0) return '';
  return others === 1
    ? ' The run trained on other data is kept, labelled with its dataset.'
    : ` The ${others} runs trained on other data are kept, labelled with their dataset.`;
}

/** What New project would throw away, in words (the detail of its Save / Discard / Cancel question). */
export function discardedWork(dataset: string | null, runs: number): string {
  const parts: string[] = [];
  if (dataset) parts.push(`the dataset ${dataset}`);
  if (runs) parts.push(runs === 1 ? '1 training run' : `${runs} training runs`);
  parts.push('the network and training settings');
  return `Discarding loses ${parts.join(', ')}. Save keeps them in a .bpstudio file you can open again.`;
}
