/** Short messages shown in a corner: what just happened, or what went wrong and what to do. */

/** How a notice looks. */
export type NoticeKind = 'ok' | 'info' | 'warn' | 'danger';

/** One notice. */
export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
}

const SHOW_MS = 6000;

/** The visible notices (newest last). */
export class Notices {
  items = $state.raw<Notice[]>([]);
  #next = 1;

  /** Show a message for a few seconds (errors stay until dismissed). */
  show(kind: NoticeKind, message: string): void {
    const id = this.#next++;
    this.items = [...this.items.slice(-3), { id, kind, message }];
    if (kind !== 'danger') setTimeout(() => this.dismiss(id), SHOW_MS);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }
}
