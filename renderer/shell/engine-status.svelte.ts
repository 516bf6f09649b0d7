/** The engine worker as the shell shows it: its backends once ready, a crash, and restarting it. */
import type { EngineClient } from '../engine/engine-client.ts';
import type { Notices } from '../state/notices.svelte.ts';
import type { Project } from '../state/project.svelte.ts';

/** The engine's state for the status bar and the crash banner. */
export class EngineStatus {
  backends = $state<string[]>([]);
  /** Why the engine stopped, or null while it runs. */
  crash = $state<string | null>(null);
  readonly #engine: EngineClient;
  readonly #project: Project;
  readonly #notices: Notices;

  constructor(engine: EngineClient, project: Project, notices: Notices) {
    this.#engine = engine;
    this.#project = project;
    this.#notices = notices;
  }

  /** Follow the engine: its backends once ready, and crashes. Returns the unsubscribe. */
  start(): () => void {
    void this.#engine.ready.then((list) => {
      this.backends = list;
      this.#project.backends = list;
    });
    return this.#engine.onCrash((message) => {
      this.crash = message;
    });
  }

  /** Start a new worker and give it the project's dataset and network again. */
  async restart(): Promise<void> {
    this.crash = null;
    this.#engine.restart();
    for (const r of this.#project.runs) r.isInWorker = false;
    await this.#project.dataset.reload();
    await this.#project.recheck();
    this.#notices.show('info', 'The engine was restarted. Your project is intact; start training again when ready.');
  }
}
