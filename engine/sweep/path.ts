/** Parameter paths: which part of a spec a searched value goes to. */

/** Where a parameter's value goes. */
export type ParamTarget =
  /** The number of hidden dense layers: extra ones copy the last hidden layer (with its dropout/batch-norm). */
  | { kind: 'hiddenLayers' }
  /** true: a batch-norm layer right after every hidden dense layer (added where missing); false: none in the hidden stack. */
  | { kind: 'batchNorm' }
  /** A field of one layer, by id: `layers[dense-1].units`. */
  | { kind: 'layer'; id: string; field: string }
  /** A field of every layer of a type: `layers[*dropout].rate` (`*dense` means the hidden dense layers). */
  | { kind: 'layerType'; layerType: string; field: string }
  /** Any other field, by its keys: `training.optimizer.learningRate` → ['training', 'optimizer', 'learningRate']. */
  | { kind: 'field'; keys: string[] };

const LAYER_PATH = /^layers\[(\*?)([^\]\s][^\]]*)\]\.([A-Za-z][A-Za-z0-9]*)$/;
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/** Fields that cannot be searched, with the reason shown to the user. */
export const FIXED_FIELDS: Readonly<Record<string, string>> = {
  format: 'it names the file format',
  version: 'it is the file version',
  name: 'it is the network name',
  inputs: 'the data decides the number of inputs',
  layers: "address a layer field instead, e.g. 'layers[dense-1].units'",
  training: "address a training field instead, e.g. 'training.batchSize'",
  'training.seed': 'each trial gets its own seed from the sweep seed',
  'training.validationSplit': 'every trial must be scored on the same validation rows',
  'training.backend': 'the host chooses the backend for all trials',
  'training.optimizer': "address an optimizer field instead, e.g. 'training.optimizer.type'",
};

/** Fields of a layer that cannot be searched. */
export const FIXED_LAYER_FIELDS: Readonly<Record<string, string>> = {
  id: 'layer ids name the layers',
  type: "change the layer's type in the network instead",
};

/** Parse a path; null when it is not one. */
export function parsePath(path: string): ParamTarget | null {
  if (path === 'hiddenLayers') return { kind: 'hiddenLayers' };
  if (path === 'batchNorm') return { kind: 'batchNorm' };
  const layer = LAYER_PATH.exec(path);
  if (layer) {
    const [, star, name, field] = layer;
    return star ? { kind: 'layerType', layerType: name, field } : { kind: 'layer', id: name, field };
  }
  if (path.startsWith('layers')) return null;
  return FIELD_PATH.test(path) ? { kind: 'field', keys: path.split('.') } : null;
}

/** Why a parsed path cannot be searched; null when it can. */
export function fixedReason(path: string, target: ParamTarget): string | null {
  if (target.kind === 'field') return FIXED_FIELDS[path] ?? null;
  if (target.kind === 'hiddenLayers' || target.kind === 'batchNorm') return null;
  return FIXED_LAYER_FIELDS[target.field] ?? null;
}
