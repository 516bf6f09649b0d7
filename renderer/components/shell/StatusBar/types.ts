import type { EngineStatus } from '../../../shell/engine-status.svelte.ts';
import type { SessionAutosave } from '../../../shell/session-autosave.svelte.ts';

/** Props of StatusBar: the engine's state and the autosave's (the project and platform come from context). */
export interface StatusBarProps {
  engineStatus: EngineStatus;
  session: SessionAutosave;
}
