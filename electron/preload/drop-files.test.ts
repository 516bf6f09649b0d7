import { describe, expect, test } from 'vitest';
import { installFileDrop, type DragEventLike, type DropTarget } from './drop-files.ts';

type Listener = (event: DragEventLike) => void;

class FakeWindow implements DropTarget {
  readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: 'dragover' | 'drop', listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: 'dragover' | 'drop', event: DragEventLike): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

function dragEvent(names: string[], pageHandlesIt = false) {
  let prevented = pageHandlesIt;
  const files = names.map((name) => ({ name }) as File);
  const event: DragEventLike = {
    dataTransfer: { files, types: names.length > 0 ? ['Files'] : ['text/plain'] },
    get defaultPrevented() { return prevented; },
    preventDefault() { prevented = true; },
  };
  return event;
}

function setup() {
  const window = new FakeWindow();
  const opened: string[] = [];
  const deferred: (() => void)[] = [];
  installFileDrop(window, (file) => (file.name === 'no-path.csv' ? '' : `/home/ana/${file.name}`), (p) => opened.push(p), (callback) => deferred.push(callback));
  const finishDispatch = () => deferred.splice(0).forEach((callback) => callback());
  return { window, opened, finishDispatch };
}

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

  test('sends dropped CSV and project paths to main after the page had its chance', () => {
    const { window, opened, finishDispatch } = setup();
    window.dispatch('drop', dragEvent(['iris.csv', 'photo.png', 'study.BPSTUDIO', 'no-path.csv']));
    expect(opened).toEqual([]);
    finishDispatch();
    expect(opened).toEqual(['/home/ana/iris.csv', '/home/ana/study.BPSTUDIO']);
  });

  test('leaves drops the page handled itself', () => {
    const { window, opened, finishDispatch } = setup();
    window.dispatch('drop', dragEvent(['predict-these.csv'], true));
    finishDispatch();
    expect(opened).toEqual([]);
  });

  test('ignores drops without openable files', () => {
    const { window, opened, finishDispatch } = setup();
    window.dispatch('drop', dragEvent(['notes.txt']));
    finishDispatch();
    expect(opened).toEqual([]);
  });
});
