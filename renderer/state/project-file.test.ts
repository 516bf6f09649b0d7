import { describe, expect, it } from 'vitest';
import { parseProjectFile, PROJECT_FORMAT, ProjectFileError } from './project-file.ts';

const minimal = { format: PROJECT_FORMAT, version: 1, name: 'p', savedAt: '', dataset: null, network: [], training: {}, runs: [], currentRunId: null };

describe('project files', () => {
  it('reads a project it wrote', () => {
    expect(parseProjectFile(JSON.stringify(minimal)).name).toBe('p');
  });

  it('says what is wrong with a file that is not a project, and what to do', () => {
    expect(() => parseProjectFile('not json', 'a.bpstudio')).toThrow('a.bpstudio is not a Backprop Studio project: it is not valid JSON. Open a .bpstudio file saved by Backprop Studio.');
    expect(() => parseProjectFile('{"hello":1}', 'b.json')).toThrow(ProjectFileError);
    expect(() => parseProjectFile(JSON.stringify({ ...minimal, version: 9 }), 'c.bpstudio'))
      .toThrow('c.bpstudio was saved by a newer Backprop Studio (project version 9; this app reads up to 1). Update the app to open it.');
    expect(() => parseProjectFile(JSON.stringify({ ...minimal, network: [{ type: 'dense' }] }), 'd.bpstudio'))
      .toThrow('d.bpstudio is damaged: "network" must be a list of layers with an id and a type.');
  });
});
