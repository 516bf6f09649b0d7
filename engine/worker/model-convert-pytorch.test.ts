/** `model/convert` to 'pytorch': one zip holding the same package the CLI's `export --format pytorch` writes. */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../export/index.ts';
import { pytorchPackageFiles } from '../node/pytorch-sources.ts';
import { parseEvent, type EngineEvent, type EngineRequest } from '../protocol/index.ts';
import { PYTORCH_ZIP_FOLDER } from './model-convert.ts';
import { EngineService } from './service.ts';

const iris = readFileSync(new URL('../../resources/samples/iris.csv', import.meta.url));
const settings = { target: 'species', columns: {}, split: { validation: 0.1, test: 0.2 } };
const spec = {
  layers: [
    { id: 'h1', type: 'dense' as const, units: 8 },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: { epochs: 3, batchSize: 16, seed: 7, backend: 'cpu' as const },
};

describe('model/convert pytorch', () => {
  it('zips the package (sources, README, model.json) into pytorch-package/, the files the CLI writes', async () => {
    const events: EngineEvent[] = [];
    const service = new EngineService((e) => events.push(e));
    const source = iris.buffer.slice(iris.byteOffset, iris.byteOffset + iris.byteLength) as ArrayBuffer;
    await service.handle({ type: 'data/load', id: 1, name: 'iris.csv', source, options: null } satisfies EngineRequest);
    await service.handle({ type: 'train/start', id: 2, runId: 'r1', spec, settings });
    const from = events.length;
    await service.handle({ type: 'model/convert', id: 3, runId: 'r1', format: 'json' });
    await service.handle({ type: 'model/convert', id: 4, runId: 'r1', format: 'pytorch' });
    const [json, zip] = events.slice(from);
    if (json?.type !== 'model/converted' || zip?.type !== 'model/converted')
      throw new Error(JSON.stringify([json, zip]));
    expect(parseEvent(zip)).toBe(zip);
    expect(zip.files.map((f) => [f.name, f.text])).toEqual([['model-pytorch.zip', null]]);
    const unzipped = unzipSync(zip.files[0]!.bytes!);
    const model = parseModelFile(JSON.parse(json.files[0]!.text!));
    const expected = pytorchPackageFiles(model);
    expect(Object.keys(unzipped).sort()).toEqual(expected.map((f) => `${PYTORCH_ZIP_FOLDER}/${f.path}`).sort());
    for (const f of expected) {
      const text = strFromU8(unzipped[`${PYTORCH_ZIP_FOLDER}/${f.path}`]!);
      // model.json carries its own createdAt; the rest is byte for byte the CLI's
      if (f.path === 'model.json') expect(parseModelFile(JSON.parse(text))).toEqual(model);
      else expect(text, f.path).toBe(f.text);
    }
  });
});
