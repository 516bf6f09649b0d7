import { describe, expect, test } from 'vitest';
import { exportBaseName, formatDownloads, formatFiles } from './model-formats.ts';

describe('downloads for other runtimes', () => {
  test('name their files after the model file, TF.js keeping the names model.json gives its weights', () => {
    expect(exportBaseName('Iris-study-run-2.model.json')).toBe('Iris-study-run-2');
    expect(formatFiles('onnx-columns', 'iris-run-2')).toEqual(['iris-run-2.onnx']);
    expect(formatFiles('onnx-matrix', 'iris-run-2')).toEqual(['iris-run-2.matrix.onnx']);
    expect(formatFiles('tfjs', 'iris-run-2')).toEqual(['model.json', 'weights.bin']);
    expect(formatFiles('pytorch', 'iris-run-2')).toEqual(['iris-run-2-pytorch.zip']);
  });

  test('the PyTorch package comes last: one zip, predict.py and torchrun train.py', () => {
    const downloads = formatDownloads('iris-run-1', null, 4, false);
    expect(downloads.map((d) => d.format)).toEqual(['onnx-columns', 'onnx-matrix', 'tfjs', 'pytorch']);
    const pytorch = downloads[3]!;
    expect([pytorch.title, pytorch.files]).toEqual(['PyTorch package', ['iris-run-1-pytorch.zip']]);
    expect(pytorch.snippet.split('\n')).toEqual([
      'python3 predict.py RAW.csv --out PRED.csv  # in the unzipped pytorch-package folder',
      'torchrun --nproc_per_node 2 train.py TRAIN.csv --epochs 20 --out MODEL.json  # then: backprop-studio evaluate MODEL.json TEST.csv',
    ]);
  });

  test('give two lines each: Python and JavaScript onnxruntime, or tf.loadLayersModel', () => {
    const [columns, matrix, tfjs] = formatDownloads('iris-run-1', { name: 'sepal_length_cm', isText: false }, 4, false);
    expect(columns!.snippet).toBe(
      'ort.InferenceSession("iris-run-1.onnx").run(None, {"sepal_length_cm": np.array([[1.0]], np.float32), ...})  # Python: import onnxruntime as ort, numpy as np\n' +
        'await (await ort.InferenceSession.create("iris-run-1.onnx")).run({ sepal_length_cm: new ort.Tensor(\'float32\', [1.0], [1, 1]), … })  // JavaScript: onnxruntime-web',
    );
    expect(matrix!.snippet.split('\n')).toEqual([
      'ort.InferenceSession("iris-run-1.matrix.onnx").run(None, {"input": np.zeros((1, 4), np.float32)})  # Python onnxruntime',
      'await (await ort.InferenceSession.create("iris-run-1.matrix.onnx")).run({ input: new ort.Tensor(\'float32\', new Float32Array(4), [1, 4]) })  // onnxruntime-web',
    ]);
    expect(tfjs!.snippet.split('\n')).toHaveLength(2);
    expect(tfjs!.snippet).toContain("tf.loadLayersModel('model.json')");
    expect(tfjs!.snippet).toContain('model.predict(tf.zeros([1, 4])).print();');
    expect(tfjs!.about).toContain('two downloads, model.json and weights.bin');
  });

  test('feed a category column as a string (quoted when it is no JavaScript name)', () => {
    const [columns] = formatDownloads('p', { name: 'bill length', isText: true }, 2, true);
    expect(columns!.snippet).toContain('"bill length": np.array([["…"]], dtype=object)');
    expect(columns!.snippet).toContain(`"bill length": new ort.Tensor('string', ['…'], [1, 1])`);
  });
});
