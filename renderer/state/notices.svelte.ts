/** Short messages shown in a corner: what just happened, or what went wrong and what to do. */

/** How a notice looks. */
export type NoticeKind = 'ok' | 'info' | 'warn' | 'danger';

/** One notice. */
export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
  /** The control it is about: a newer notice with the same key replaces it instead of piling up. */
  key?: string;
}

const SHOW_MS = 6000;

/** The visible notices (newest last). */
export class Notices {
  items = $state.raw<Notice[]>([]);
  #next = 1;

  /**
   * Show a message for a few seconds (errors stay until dismissed). With `key`, it replaces the earlier notice
   * of that key (one control's latest outcome), so repeated failures of one control do not stack up.
   */
  show(kind: NoticeKind, message: string, key?: string): void {
    const id = this.#next++;
    const others = key === undefined ? this.items : this.items.filter((n) => n.key !== key);
    this.items = [...others.slice(-3), { id, kind, message, ...(key === undefined ? {} : { key }) }];
    if (kind !== 'danger') setTimeout(() => this.dismiss(id), SHOW_MS);
  }

  /** Remove one notice. */
  dismiss(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }
}
