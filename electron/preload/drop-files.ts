/**
 * Files dropped on the window from the OS. The page gets the first chance: a drop zone that handles the drop
 * (calls `preventDefault`) keeps it. Otherwise dropped CSV and project files are sent to main by path, and
 * come back through `onOpenFile` — so main knows which project file the window shows.
 */

/** The parts of a drag event read here. */
export interface DragEventLike {
  readonly dataTransfer: { readonly files: ArrayLike<File>; readonly types: readonly string[] } | null;
  readonly defaultPrevented: boolean;
  preventDefault(): void;
}

/** Where the listeners go (the window). */
export interface DropTarget {
  addEventListener(type: 'dragover' | 'drop', listener: (event: DragEventLike) => void): void;
}

const OPENABLE = /\.(csv|bpstudio)$/i;

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
  target.addEventListener('dragover', (event) => {
    // Without this the window refuses drops of files wherever the page has no drop zone.
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  target.addEventListener('drop', (event) => {
    const files = event.dataTransfer === null ? [] : Array.from(event.dataTransfer.files);
    // Paths must be read now: the drop's file list is emptied once the event is over.
    const paths = files.filter((file) => OPENABLE.test(file.name)).map(pathOf).filter((path) => path !== '');
    if (paths.length === 0) return;
    afterDispatch(() => {
      if (event.defaultPrevented) return;
      for (const path of paths) open(path);
    });
  });
}
