import type { AutoSearch } from '../../../state/auto-search.svelte.ts';

/** Props of AutoSearchPanel: the search to start or cancel, and what to do once it has started (show its trials). */
export interface AutoSearchProps {
  auto: AutoSearch;
  onstarted: () => void;
}
