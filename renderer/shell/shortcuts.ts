/** The app's keyboard shortcuts: save, open, the workflow's views, undo and redo. */

/** What the shortcuts do. */
export interface ShortcutActions {
  save(saveAs: boolean): void;
  open(): void;
  /** Show the workflow view at this index (0-based; Alt+1 is 0). */
  showView(index: number): void;
  undo(): void;
  redo(): void;
}

/** Whether a key press goes to a text field (undo and redo are then the field's own). */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * The window's keydown handler: Ctrl/Cmd+S saves (with Shift: Save as), Ctrl/Cmd+O opens, Alt+1…5 shows a
 * view, and outside text fields Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo.
 */
export function shortcutHandler(actions: ShortcutActions): (e: KeyboardEvent) => void {
  return (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 's') {
      e.preventDefault();
      actions.save(e.shiftKey);
      return;
    }
    if (mod && e.key.toLowerCase() === 'o') {
      e.preventDefault();
      actions.open();
      return;
    }
    if (e.altKey && /^[1-5]$/.test(e.key)) {
      e.preventDefault();
      actions.showView(Number(e.key) - 1);
      return;
    }
    if (isTyping(e.target)) return;
    if (mod && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      if (e.shiftKey) actions.redo();
      else actions.undo();
    } else if (mod && e.key.toLowerCase() === 'y') {
      e.preventDefault();
      actions.redo();
    }
  };
}
