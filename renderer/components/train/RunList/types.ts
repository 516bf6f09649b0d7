/** Props of RunList: past runs, the one shown, and the ones ticked for comparison. */
export interface RunListProps {
  compareIds: ReadonlySet<string>;
  ontogglecompare: (runId: string) => void;
}
