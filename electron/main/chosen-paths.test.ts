import { describe, expect, test } from 'vitest';
import { ChosenPaths, PathNotChosenError } from './chosen-paths.ts';

describe('ChosenPaths', () => {
  test('only allowed paths pass, compared after normalising', () => {
    const chosen = new ChosenPaths('linux');
    chosen.allow('/home/ana/projects/../projects/iris.bpstudio');
    expect(chosen.has('/home/ana/projects/iris.bpstudio')).toBe(true);
    expect(chosen.has('/home/ana/projects/Iris.bpstudio')).toBe(false);
    expect(chosen.has('/home/ana/projects/other.bpstudio')).toBe(false);
  });

  test('relative paths are never chosen', () => {
    const chosen = new ChosenPaths('linux');
    expect(() => chosen.allow('iris.bpstudio')).toThrow(PathNotChosenError);
    expect(chosen.has('iris.bpstudio')).toBe(false);
  });

  test('Windows and macOS compare without case', () => {
    const windows = new ChosenPaths('win32');
    windows.allow('C:\\Users\\Ana\\Iris.bpstudio');
    expect(windows.has('c:\\users\\ana\\iris.BPSTUDIO')).toBe(true);
    const mac = new ChosenPaths('darwin');
    mac.allow('/Users/ana/Iris.bpstudio');
    expect(mac.has('/users/ana/iris.bpstudio')).toBe(true);
  });

  test('assertChosen explains the refusal and the fix', () => {
    const chosen = new ChosenPaths('linux');
    expect(() => chosen.assertChosen('/etc/passwd', 'Save project')).toThrow(
      'Save project: refused to use "/etc/passwd" because it was not chosen in a dialog. Use Save as… to pick the file.',
    );
  });
});
