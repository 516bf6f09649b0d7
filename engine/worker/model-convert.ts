/**
 * `model/convert`: a run's model file in the format the Export view downloads, through the engine's
 * exporters (the CLI's `export` writes the same bytes; the PyTorch package's files, here in one zip).
 * Engine errors (an activation TF.js has no layer for) are thrown as they are, so they reach the UI as the
 * usual `error` event with their message.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  exportOnnx,
  exportTfjs,
  pytorchPackage,
  stringifyModelFile,
  TFJS_WEIGHTS_FILE,
  type ModelFile,
} from '../export/index.ts';
import type { ExportedFile, ModelFormat } from '../protocol/index.ts';
import { PYTORCH_SOURCES } from './pytorch-sources.ts';

/** The folder the PyTorch package's zip unpacks into. */
export const PYTORCH_ZIP_FOLDER = 'pytorch-package';

/** The PyTorch package of `model` as one zip: every file inside the folder `pytorch-package/`. */
function pytorchZip(model: ModelFile): Uint8Array {
  const files: Zippable = {};
  for (const f of pytorchPackage(model, PYTORCH_SOURCES)) files[`${PYTORCH_ZIP_FOLDER}/${f.path}`] = strToU8(f.text);
  // a fixed date, so the same model gives the same bytes
  return zipSync(files, { level: 6, mtime: new Date('2024-01-01T00:00:00Z') });
}

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
    case 'pytorch':
      return [{ name: 'model-pytorch.zip', text: null, bytes: pytorchZip(model) }];
    case 'json':
      return [{ name: 'model.json', text: stringifyModelFile(model), bytes: null }];
  }
}
