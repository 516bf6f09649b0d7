import { describe, expect, test } from 'vitest';
import {
  IpcPayloadError,
  MAX_NAME_CHARS,
  parseAutosave,
  parseDocumentState,
  parseDroppedFile,
  parseExportModel,
  parseExportModelFiles,
  parseExportPredictions,
  parseExportReport,
  parseExportTrials,
  parseNoPayload,
  parseSaveProject,
} from './ipc-payloads.ts';

const project = JSON.stringify({ format: 'bpstudio', version: 1 });

describe('parseSaveProject', () => {
  test('accepts JSON text and a saveAs flag', () => {
    expect(parseSaveProject({ json: project, saveAs: false })).toEqual({ json: project, saveAs: false });
  });

  test.each([
    [undefined, 'Save project: expected an object with json, saveAs, got undefined (undefined).'],
    ['{"a":1}', 'Save project: expected an object with json, saveAs, got "{\\"a\\":1}" (string).'],
    [[project, true], 'Save project: expected an object with json, saveAs, got an array.'],
    [{ json: project }, "Save project: 'saveAs' must be true or false, got undefined (undefined)."],
    [{ json: project, saveAs: 'yes' }, `Save project: 'saveAs' must be true or false, got "yes" (string).`],
    [{ json: 42, saveAs: true }, "Save project: 'json' must be a string, got 42 (number)."],
    [
      { json: project, saveAs: true, path: '/etc/passwd' },
      "Save project: unexpected field 'path'. Allowed fields: json, saveAs.",
    ],
    [{ json: '[1,2]', saveAs: true }, "Save project: 'json' must be a JSON object, got an array. Nothing was written."],
  ])('rejects %j', (payload, message) => {
    expect(() => parseSaveProject(payload)).toThrow(new IpcPayloadError(message));
  });

  test('rejects text that is not JSON, saying nothing was written', () => {
    expect(() => parseSaveProject({ json: '{"half":', saveAs: false })).toThrow(
      /^Save project: 'json' is not valid JSON \(.+\)\. Nothing was written\.$/,
    );
  });

  test('errors carry a stable code', () => {
    try {
      parseSaveProject(null);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IpcPayloadError);
      expect((error as IpcPayloadError).code).toBe('ipc/bad-payload');
    }
  });
});

describe('export payloads', () => {
  test('model: JSON and a bare file name', () => {
    expect(parseExportModel({ json: '{"weights":[]}', suggestedName: ' iris-model.json ' })).toEqual({
      text: '{"weights":[]}',
      suggestedName: 'iris-model.json',
    });
  });

  test('predictions: any CSV text', () => {
    expect(parseExportPredictions({ csv: 'a,b\n1,2\n', suggestedName: 'predictions.csv' })).toEqual({
      text: 'a,b\n1,2\n',
      suggestedName: 'predictions.csv',
    });
  });

  test.each([
    [
      '../../.bashrc',
      `Export model: 'suggestedName' must be a file name without folders or control characters, got "../../.bashrc" (string).`,
    ],
    [
      'C:\\Windows\\evil.json',
      `Export model: 'suggestedName' must be a file name without folders or control characters, got "C:\\\\Windows\\\\evil.json" (string).`,
    ],
    [
      'bad\u0000name.json',
      `Export model: 'suggestedName' must be a file name without folders or control characters, got "bad\\u0000name.json" (string).`,
    ],
    ['..', `Export model: 'suggestedName' must be a file name such as "model.json", got ".." (string).`],
    ['', `Export model: 'suggestedName' must be a file name such as "model.json", got "" (string).`],
  ])('refuses the suggested name %j', (suggestedName, message) => {
    expect(() => parseExportModel({ json: '{}', suggestedName })).toThrow(new IpcPayloadError(message));
  });

  test('refuses names over the length limit', () => {
    expect(() => parseExportPredictions({ csv: '', suggestedName: 'x'.repeat(MAX_NAME_CHARS + 1) })).toThrow(
      `Export predictions: 'suggestedName' is ${MAX_NAME_CHARS + 1} characters; the limit is ${MAX_NAME_CHARS}.`,
    );
  });

  test('sweep trials: any CSV text, named in errors as their own request', () => {
    expect(parseExportTrials({ csv: 'trial,rank\n1,1\n', suggestedName: ' iris-trials.csv ' })).toEqual({
      text: 'trial,rank\n1,1\n',
      suggestedName: 'iris-trials.csv',
    });
  });

  test.each([
    [undefined, 'Export sweep trials: expected an object with csv, suggestedName, got undefined (undefined).'],
    [{ csv: 7, suggestedName: 't.csv' }, "Export sweep trials: 'csv' must be a string, got 7 (number)."],
    [
      { csv: 'a', suggestedName: 't.csv', kind: 'predictions' },
      "Export sweep trials: unexpected field 'kind'. Allowed fields: csv, suggestedName.",
    ],
    [
      { csv: 'a', suggestedName: 'runs/t.csv' },
      `Export sweep trials: 'suggestedName' must be a file name without folders or control characters, got "runs/t.csv" (string).`,
    ],
    [
      { csv: 'a', suggestedName: ' ' },
      `Export sweep trials: 'suggestedName' must be a file name such as "model.json", got "" (string).`,
    ],
  ])('refuses the trials payload %j', (payload, message) => {
    expect(() => parseExportTrials(payload)).toThrow(new IpcPayloadError(message));
  });

  test.each([
    [{ html: 7, suggestedName: 'r.html' }, "Export report: 'html' must be a string, got 7 (number)."],
    [
      { csv: 'a', suggestedName: 'r.html' },
      "Export report: unexpected field 'csv'. Allowed fields: html, suggestedName.",
    ],
    [
      { html: 'a', suggestedName: '../r.html' },
      `Export report: 'suggestedName' must be a file name without folders or control characters, got "../r.html" (string).`,
    ],
  ])('refuses the report payload %j', (payload, message) => {
    expect(() => parseExportReport(payload)).toThrow(new IpcPayloadError(message));
  });

  test('a report: its HTML text and a bare file name', () => {
    expect(parseExportReport({ html: '<!DOCTYPE html>', suggestedName: ' iris.report.html ' })).toEqual({
      text: '<!DOCTYPE html>',
      suggestedName: 'iris.report.html',
    });
  });

  test('predictions use the field name csv, not json', () => {
    expect(() => parseExportPredictions({ json: 'a', suggestedName: 'p.csv' })).toThrow(
      "Export predictions: unexpected field 'json'. Allowed fields: csv, suggestedName.",
    );
  });
});

describe('other requests', () => {
  test('autosave needs a JSON object', () => {
    expect(parseAutosave({ json: project })).toEqual({ json: project });
    expect(() => parseAutosave({ json: 'null' })).toThrow(
      "Autosave: 'json' must be a JSON object, got null. Nothing was written.",
    );
  });

  test('document state', () => {
    expect(parseDocumentState({ dirty: true, title: 'Iris' })).toEqual({ dirty: true, title: 'Iris' });
    expect(() => parseDocumentState({ dirty: 1, title: 'Iris' })).toThrow(
      "Set document state: 'dirty' must be true or false, got 1 (number).",
    );
    expect(() => parseDocumentState({ dirty: false, title: 'a\nb' })).toThrow(
      "Set document state: 'title' must not contain control characters",
    );
  });

  test('dropped file path', () => {
    expect(parseDroppedFile({ path: '/home/ana/iris.csv' })).toEqual({ path: '/home/ana/iris.csv' });
    expect(() => parseDroppedFile({ path: '' })).toThrow(
      `Open dropped file: 'path' must be a file path, got "" (string).`,
    );
  });

  test('requests without arguments refuse one', () => {
    expect(() => parseNoPayload('Take recovery', undefined)).not.toThrow();
    expect(() => parseNoPayload('Take recovery', { path: '/x' })).toThrow(
      'Take recovery: takes no arguments, got an object.',
    );
  });
});

describe('parseExportModelFiles', () => {
  const onnx = new Uint8Array([8, 9]);
  const weights = new Uint8Array(16);
  test('accepts one .onnx file, or a TF.js model.json with its weights file', () => {
    expect(parseExportModelFiles({ files: [{ name: ' iris.onnx ', bytes: onnx }] })).toEqual({
      kind: 'onnx',
      files: [{ name: 'iris.onnx', bytes: onnx }],
    });
    const tfjs = [
      { name: 'model.json', bytes: new Uint8Array(2) },
      { name: 'weights.bin', bytes: weights },
    ];
    expect(parseExportModelFiles({ files: tfjs })).toEqual({ kind: 'tfjs', files: tfjs });
    expect(parseExportModelFiles({ files: [{ name: 'iris-pytorch.zip', bytes: onnx }] })).toEqual({
      kind: 'pytorch',
      files: [{ name: 'iris-pytorch.zip', bytes: onnx }],
    });
  });

  test.each([
    [{ files: [] }, "Export model files: 'files' must be a list of 1 or 2 files, got 0 files."],
    [{ files: 'model.onnx' }, `Export model files: 'files' must be a list of 1 or 2 files, got "model.onnx" (string).`],
    [
      { files: [{ name: 'm.onnx', bytes: [8, 9] }] },
      "Export model files (file 1): 'bytes' must be a Uint8Array, got an array.",
    ],
    [
      { files: [{ name: '../m.onnx', bytes: onnx }] },
      `Export model files (file 1): 'name' must be a file name without folders or control characters, got "../m.onnx" (string).`,
    ],
    [
      { files: [{ name: 'm.onnx', bytes: onnx, path: '/tmp' }] },
      "Export model files (file 1): unexpected field 'path'. Allowed fields: name, bytes.",
    ],
    [
      { files: [{ name: 'm.exe', bytes: onnx }] },
      'Export model files: expected one .onnx file, one .zip (PyTorch package), or a TF.js model.json followed by its weights file, got "m.exe".',
    ],
    [
      {
        files: [
          { name: 'p.zip', bytes: onnx },
          { name: 'q.zip', bytes: onnx },
        ],
      },
      'Export model files: expected one .onnx file, one .zip (PyTorch package), or a TF.js model.json followed by its weights file, got "p.zip", "q.zip".',
    ],
    [
      { files: [{ name: 'model.json', bytes: onnx }] },
      'Export model files: expected one .onnx file, one .zip (PyTorch package), or a TF.js model.json followed by its weights file, got "model.json".',
    ],
    [
      {
        files: [
          { name: 'model.json', bytes: onnx },
          { name: 'MODEL.json', bytes: weights },
        ],
      },
      'Export model files: the weights file must have its own name, got "MODEL.json" twice.',
    ],
    [
      { files: [{ name: 'm.onnx', bytes: onnx }], kind: 'onnx' },
      "Export model files: unexpected field 'kind'. Allowed fields: files.",
    ],
  ])('refuses %j', (payload, message) => {
    expect(() => parseExportModelFiles(payload)).toThrow(new IpcPayloadError(message));
  });
});
