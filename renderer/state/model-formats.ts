/**
 * The Export view's downloads for other runtimes: what each format is, the files it gives, and two lines that
 * load it (copied with the Copy button). Pure, so the names and snippets are tested without a page.
 */
import type { ModelFormat } from '../../engine/protocol/index.ts';

/** A feature column the raw-columns snippet feeds, with whether the graph takes it as text. */
export interface SnippetColumn {
  name: string;
  isText: boolean;
}

/** One download of the Export view. */
export interface FormatDownload {
  format: Exclude<ModelFormat, 'json'>;
  title: string;
  /** What the download is, in a sentence. */
  about: string;
  /** The names the files are saved under, in order. */
  files: string[];
  /** Two lines that load and run it. */
  snippet: string;
}

/** The base of a run's export file names, e.g. `iris-run-2` (the model file adds `.model.json`). */
export function exportBaseName(modelFileName: string): string {
  return modelFileName.replace(/\.model\.json$/, '');
}

/**
 * The names a format's files are saved under: TF.js keeps `model.json` and `weights.bin` (model.json names its
 * weights); the PyTorch package is one zip.
 */
export function formatFiles(format: Exclude<ModelFormat, 'json'>, base: string): string[] {
  if (format === 'onnx-columns') return [`${base}.onnx`];
  if (format === 'onnx-matrix') return [`${base}.matrix.onnx`];
  if (format === 'pytorch') return [`${base}-pytorch.zip`];
  return ['model.json', 'weights.bin'];
}

/** The title of a format, as the Export view and its messages name it. */
export const FORMAT_TITLES: Readonly<Record<ModelFormat, string>> = {
  'onnx-columns': 'ONNX (raw columns)',
  'onnx-matrix': 'ONNX (input matrix)',
  tfjs: 'TF.js',
  pytorch: 'PyTorch package',
  json: 'Model file (JSON)',
};

function pythonFeed(c: SnippetColumn): string {
  return `"${c.name}": np.array([[${c.isText ? '"…"' : '1.0'}]], ${c.isText ? 'dtype=object' : 'np.float32'})`;
}

function jsFeed(c: SnippetColumn): string {
  const key = /^[A-Za-z_$][\w$]*$/.test(c.name) ? c.name : JSON.stringify(c.name);
  return `${key}: new ort.Tensor(${c.isText ? `'string', ['…']` : `'float32', [1.0]`}, [1, 1])`;
}

/**
 * The downloads for other runtimes (the model file has its own card), in the order the view shows them. `base` names the files; `column` is the first feature
 * column (null when the dataset is not loaded); `inputs` is the width of the input matrix.
 */
export function formatDownloads(
  base: string,
  column: SnippetColumn | null,
  inputs: number,
  isDesktop: boolean,
): FormatDownload[] {
  const col = column ?? { name: 'column', isText: false };
  const [onnx] = formatFiles('onnx-columns', base);
  const [matrix] = formatFiles('onnx-matrix', base);
  return [
    {
      format: 'onnx-columns',
      title: FORMAT_TITLES['onnx-columns'],
      files: [onnx!],
      about:
        'One graph with the preprocessing inside: one input per feature column, named as in the CSV (shape [N, 1]; numbers float32, categories strings), outputs probabilities and label, or value.',
      snippet:
        `ort.InferenceSession("${onnx}").run(None, {${pythonFeed(col)}, ...})  # Python: import onnxruntime as ort, numpy as np\n` +
        `await (await ort.InferenceSession.create("${onnx}")).run({ ${jsFeed(col)}, … })  // JavaScript: onnxruntime-web`,
    },
    {
      format: 'onnx-matrix',
      title: FORMAT_TITLES['onnx-matrix'],
      files: [matrix!],
      about: `The network alone: one input "input" (float32 [N, ${inputs}]), the numbers the network sees, as the CLI's transform writes them.`,
      snippet:
        `ort.InferenceSession("${matrix}").run(None, {"input": np.zeros((1, ${inputs}), np.float32)})  # Python onnxruntime\n` +
        `await (await ort.InferenceSession.create("${matrix}")).run({ input: new ort.Tensor('float32', new Float32Array(${inputs}), [1, ${inputs}]) })  // onnxruntime-web`,
    },
    {
      format: 'tfjs',
      title: FORMAT_TITLES.tfjs,
      files: formatFiles('tfjs', base),
      about: isDesktop
        ? 'A TF.js layers model on the input matrix: model.json, saved where you choose, and weights.bin, saved next to it (model.json names it).'
        : 'A TF.js layers model on the input matrix: two downloads, model.json and weights.bin. Keep them in one folder: model.json names weights.bin.',
      snippet:
        `const model = await tf.loadLayersModel('model.json');  // weights.bin next to it\n` +
        `model.predict(tf.zeros([1, ${inputs}])).print();  // rows of the input matrix, as the CLI's transform writes them`,
    },
    {
      format: 'pytorch',
      title: FORMAT_TITLES.pytorch,
      files: formatFiles('pytorch', base),
      about:
        'Plain Python (PyTorch + pandas) in one zip: predict.py on raw CSVs, train.py to train further on a GPU or ' +
        'many machines with torchrun, and model.json. train.py writes a model file in this app’s format.',
      snippet:
        'python3 predict.py RAW.csv --out PRED.csv  # in the unzipped pytorch-package folder\n' +
        'torchrun --nproc_per_node 2 train.py TRAIN.csv --epochs 20 --out MODEL.json  # then: backprop-studio evaluate MODEL.json TEST.csv',
    },
  ];
}
