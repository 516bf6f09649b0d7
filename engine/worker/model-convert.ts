/**
 * `model/convert`: a run's model file in the format the Export view downloads, through the engine's
 * exporters (the CLI's `export` writes the same bytes). Engine errors (an activation TF.js has no layer
 * for) are thrown as they are, so they reach the UI as the usual `error` event with their message.
 */
import { exportOnnx, exportTfjs, stringifyModelFile, TFJS_WEIGHTS_FILE, type ModelFile } from '../export/index.ts';
import type { ExportedFile, ModelFormat } from '../protocol/index.ts';

/** The files of `model` in `format`: one file, or for TF.js `model.json` and the weights it names. */
export function convertModel(model: ModelFile, format: ModelFormat): ExportedFile[] {
  switch (format) {
    case 'onnx-columns':
      return [{ name: 'model.onnx', text: null, bytes: exportOnnx(model, 'columns') }];
    case 'onnx-matrix':
      return [{ name: 'model.onnx', text: null, bytes: exportOnnx(model, 'matrix') }];
    case 'tfjs': {
      const files = exportTfjs(model);
      return [
        { name: 'model.json', text: files.modelJson, bytes: null },
        { name: TFJS_WEIGHTS_FILE, text: null, bytes: files.weights },
      ];
    }
    case 'json':
      return [{ name: 'model.json', text: stringifyModelFile(model), bytes: null }];
  }
}
