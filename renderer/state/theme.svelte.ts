/** Light/dark theme: follows the OS unless the user picks one; canvases read `isDark` to repaint. */

/** The user's theme choice. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'backprop-studio/theme';

/** Tracks the OS scheme and the user's override, and applies it to <html data-theme>. */
export class Theme {
  choice = $state<ThemeChoice>('system');
  #systemDark = $state(false);

  /** True when the dark palette is showing. */
  readonly isDark = $derived(this.choice === 'dark' || (this.choice === 'system' && this.#systemDark));

  constructor() {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') this.choice = saved;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    this.#systemDark = query.matches;
    query.addEventListener('change', (e) => {
      this.#systemDark = e.matches;
    });
    this.#apply();
  }

  /** Cycle system → light → dark. */
  cycle(): void {
    this.choice = this.choice === 'system' ? 'light' : this.choice === 'light' ? 'dark' : 'system';
    localStorage.setItem(STORAGE_KEY, this.choice);
    this.#apply();
  }

  #apply(): void {
    if (this.choice === 'system') delete document.documentElement.dataset['theme'];
    else document.documentElement.dataset['theme'] = this.choice;
  }
}
