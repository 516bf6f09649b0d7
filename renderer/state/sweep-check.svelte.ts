/** The engine's check of the search space being edited, asked for shortly after each burst of edits. */
import type { Problem, SweepCheck } from '../../engine/protocol/index.ts';
import type { SweepProject } from './sweep-project.ts';
import type { SweepSpace } from './sweep-space.svelte.ts';
import { checkSpace } from './sweep-trial-actions.ts';

const CHECK_DELAY_MS = 150;

/** What the engine says of the space being edited: the sweep it would run, or the problems beside each field. */
export class SpaceCheck {
  readonly #project: SweepProject;
  readonly #space: SweepSpace;
  /** The engine's check of the space being edited. */
  check = $state.raw<SweepCheck | null>(null);
  /** What stops the sweep from starting, by field path (also a refused start's problems). */
  problems = $state.raw<Problem[]>([]);
  #timer = 0;
  #seq = 0;

  constructor(project: SweepProject, space: SweepSpace) {
    this.#project = project;
    this.#space = space;
  }

  /** Check the space against the current network and data, soon (edits come in bursts). */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => void this.run(), CHECK_DELAY_MS);
  }

  /** Stop a check that is waiting (the view closed). */
  cancel(): void {
    clearTimeout(this.#timer);
  }

  /** Ask the engine about the space now; an answer to an older question is dropped. */
  async run(): Promise<void> {
    const seq = ++this.#seq;
    const settings = this.#project.dataset.settings;
    const { check, problems } = await checkSpace(this.#project, this.#space, settings && $state.snapshot(settings));
    if (seq !== this.#seq) return;
    this.check = check;
    this.problems = problems;
  }
}
