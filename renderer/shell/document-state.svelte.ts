/** The window title and the shell's unsaved-changes prompt follow the project. */
import type { Platform } from '../platform/index.ts';
import type { Project } from '../state/project.svelte.ts';

/** Tell the host the project's name and whether it has unsaved changes, once typing settles (call during component init). */
export function trackDocumentState(project: Project, platform: Platform): void {
  $effect(() => {
    const state = { dirty: project.isDirty, title: project.name };
    const timer = setTimeout(() => platform.setDocumentState(state), 50);
    return () => clearTimeout(timer);
  });
}
