import { describe, expect, test } from 'vitest';
import { installFileDrop, type DragEventLike, type DropTarget } from './drop-files.ts';

type Listener = (event: DragEventLike) => void;

/** Dispatches like the DOM at the window: capture listeners, then (unless stopped) the page's, then bubble. */
class FakeWindow implements DropTarget {
  readonly capture = new Map<string, Listener[]>();
  readonly bubble = new Map<string, Listener[]>();
  addEventListener(type: 'dragover' | 'drop', listener: Listener, options?: { capture: boolean }): void {
    const map = options?.capture ? this.capture : this.bubble;
    map.set(type, [...(map.get(type) ?? []), listener]);
  }
  dispatch(type: 'dragover' | 'drop', event: DragEventLike & { stopped: boolean }, page?: Listener): void {
    for (const listener of this.capture.get(type) ?? []) listener(event);
    if (event.stopped) return;
    page?.(event);
    for (const listener of this.bubble.get(type) ?? []) listener(event);
  }
}

function dragEvent(names: string[]) {
  let prevented = false;
  const event = {
    stopped: false,
    dataTransfer: {
      files: names.map((name) => ({ name }) as File),
      types: names.length > 0 ? ['Files'] : ['text/plain'],
    },
    get defaultPrevented() {
      return prevented;
    },
    preventDefault() {
      prevented = true;
    },
    stopPropagation() {
      event.stopped = true;
    },
  };
  return event;
}

function setup() {
  const window = new FakeWindow();
  const opened: string[] = [];
  const deferred: (() => void)[] = [];
  installFileDrop(
    window,
    (file) => (file.name === 'no-path.csv' ? '' : `/home/ana/${file.name}`),
    (p) => opened.push(p),
    (callback) => deferred.push(callback),
  );
  const finishDispatch = () => deferred.splice(0).forEach((callback) => callback());
  return { window, opened, finishDispatch };
}

const pageHandlesDrop: Listener = (event) => event.preventDefault();

describe('installFileDrop', () => {
  test('allows dropping files anywhere on the window', () => {
    const { window } = setup();
    const files = dragEvent(['iris.csv']);
    window.dispatch('dragover', files);
    expect(files.defaultPrevented).toBe(true);
    const text = dragEvent([]);
    window.dispatch('dragover', text);
    expect(text.defaultPrevented).toBe(false);
  });

  test('a project goes to main before the page sees the drop', () => {
    const { window, opened } = setup();
    let pageSaw = false;
    const event = dragEvent(['study.BPSTUDIO']);
    window.dispatch('drop', event, () => {
      pageSaw = true;
    });
    expect(opened).toEqual(['/home/ana/study.BPSTUDIO']);
    expect(pageSaw).toBe(false);
    expect(event.defaultPrevented).toBe(true);
  });

  test('a CSV the page does not handle is opened by the shell after dispatch', () => {
    const { window, opened, finishDispatch } = setup();
    window.dispatch('drop', dragEvent(['iris.csv', 'photo.png', 'no-path.csv']));
    expect(opened).toEqual([]);
    finishDispatch();
    expect(opened).toEqual(['/home/ana/iris.csv']);
  });

  test('a CSV the page handles stays with the page', () => {
    const { window, opened, finishDispatch } = setup();
    window.dispatch('drop', dragEvent(['predict-these.csv']), pageHandlesDrop);
    finishDispatch();
    expect(opened).toEqual([]);
  });

  test('other files are left alone', () => {
    const { window, opened, finishDispatch } = setup();
    const event = dragEvent(['notes.txt']);
    window.dispatch('drop', event);
    finishDispatch();
    expect(opened).toEqual([]);
    expect(event.defaultPrevented).toBe(false);
  });
});
