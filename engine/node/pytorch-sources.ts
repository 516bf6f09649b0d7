/** The PyTorch package's sources read from the repository (resources/), for the CLI and other Node hosts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  pytorchPackage,
  PYTORCH_SOURCE_FILES,
  type ModelFile,
  type PackageFile,
  type PytorchSources,
} from '../export/index.ts';

const resources = join(import.meta.dirname, '..', '..', 'resources');

/** Where each source file lives: resources/pytorch-package, and the reference reader as preprocess.py. */
function sourcePath(name: string): string {
  return name === 'preprocess.py'
    ? join(resources, 'reference-reader', 'backprop_studio.py')
    : join(resources, 'pytorch-package', name);
}

/** The package's source files, read from disk. */
export function readPytorchSources(): PytorchSources {
  return Object.fromEntries(
    PYTORCH_SOURCE_FILES.map((name) => [name, readFileSync(sourcePath(name), 'utf8')]),
  ) as Record<keyof PytorchSources, string>;
}

/** The PyTorch package of `model` (sources and model.json), as `export --format pytorch` writes it. */
export function pytorchPackageFiles(model: ModelFile): PackageFile[] {
  return pytorchPackage(model, readPytorchSources());
}
