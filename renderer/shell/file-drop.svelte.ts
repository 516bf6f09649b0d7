/** Dragging a file onto the window: the overlay while it is over the window, and the file when it drops. */

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/** The window's drag-and-drop handlers for files; `isDragging` shows the drop overlay. */
export class FileDrop {
  isDragging = $state(false);
  readonly #open: (file: File) => void;

  /** `open` receives the first dropped file. */
  constructor(open: (file: File) => void) {
    this.#open = open;
  }

  readonly ondragover = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    this.isDragging = true;
  };

  readonly ondragleave = (e: DragEvent): void => {
    if (e.relatedTarget === null) this.isDragging = false;
  };

  readonly ondrop = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    this.isDragging = false;
    const file = e.dataTransfer?.files[0];
    if (file) this.#open(file);
  };
}
