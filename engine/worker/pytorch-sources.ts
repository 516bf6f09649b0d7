/**
 * The PyTorch package's sources bundled into the worker (Vite `?raw`), so the app builds the package without
 * a file system; the CLI reads the same files from disk (engine/node/pytorch-sources.ts).
 */
import type { PytorchSources } from '../export/index.ts';
import readme from '../../resources/pytorch-package/README.md?raw';
import data from '../../resources/pytorch-package/data.py?raw';
import losses from '../../resources/pytorch-package/losses.py?raw';
import model from '../../resources/pytorch-package/model.py?raw';
import optim from '../../resources/pytorch-package/optim.py?raw';
import predict from '../../resources/pytorch-package/predict.py?raw';
import refit from '../../resources/pytorch-package/refit.py?raw';
import train from '../../resources/pytorch-package/train.py?raw';
import preprocess from '../../resources/reference-reader/backprop_studio.py?raw';

/** Every source file of the package by name (preprocess.py is the reference reader). */
export const PYTORCH_SOURCES: PytorchSources = {
  'README.md': readme,
  'model.py': model,
  'preprocess.py': preprocess,
  'data.py': data,
  'losses.py': losses,
  'optim.py': optim,
  'refit.py': refit,
  'train.py': train,
  'predict.py': predict,
};
