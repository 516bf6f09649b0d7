/**
 * Files dropped on the window from the OS.
 * - A project (.bpstudio) always goes to main, before the page sees the drop: only main knows which file the
 *   window's project belongs to, and a project loaded behind its back would later be saved over the wrong file.
 * - A CSV goes to the page first: a drop zone that handles it (calls `preventDefault`) keeps it. Otherwise the
 *   shell opens it, and it comes back through `onOpenFile` like every other opened file.
 */

/** The parts of a drag event read here. */
export interface DragEventLike {
  readonly dataTransfer: { readonly files: ArrayLike<File>; readonly types: readonly string[] } | null;
  readonly defaultPrevented: boolean;
  preventDefault(): void;
  stopPropagation(): void;
}

/** Where the listeners go (the window). */
export interface DropTarget {
  addEventListener(
    type: 'dragover' | 'drop',
    listener: (event: DragEventLike) => void,
    options?: { capture: boolean },
  ): void;
}

const PROJECT = /\.bpstudio$/i;
const CSV = /\.csv$/i;

/**
 * Installs the drop listeners. `pathOf` reads a dropped file's path (Electron's `webUtils.getPathForFile`);
 * `open` sends it to main; `afterDispatch` runs a callback once every page listener has seen the event.
 */
export function installFileDrop(
  target: DropTarget,
  pathOf: (file: File) => string,
  open: (path: string) => void,
  afterDispatch: (callback: () => void) => void,
): void {
  const dropped = (event: DragEventLike, pattern: RegExp): string[] => {
    const files = event.dataTransfer === null ? [] : Array.from(event.dataTransfer.files);
    return files
      .filter((file) => pattern.test(file.name))
      .map(pathOf)
      .filter((path) => path !== '');
  };

  target.addEventListener('dragover', (event) => {
    // Without this the window refuses drops of files wherever the page has no drop zone.
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });

  // Capture phase on the window: runs before any listener of the page.
  target.addEventListener(
    'drop',
    (event) => {
      const projects = dropped(event, PROJECT);
      if (projects.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      for (const path of projects) open(path);
    },
    { capture: true },
  );

  target.addEventListener('drop', (event) => {
    // Paths must be read now: the drop's file list is emptied once the event is over.
    const csvs = dropped(event, CSV);
    if (csvs.length === 0) return;
    afterDispatch(() => {
      if (event.defaultPrevented) return;
      for (const path of csvs) open(path);
    });
  });
}
