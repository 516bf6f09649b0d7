/** The step from a prepared dataset to what training needs: splits, target scaling, and train+validation merged. */
import { targetScale, type PreparedDataset, type Split } from '../data/index.ts';
import type { TrainingData } from '../train/index.ts';

/** The part of a prepared dataset that training needs (validation only when it has rows; regression target scaling). */
export function trainingDataOf(d: PreparedDataset): TrainingData {
  return {
    task: d.task,
    featureNames: d.featureNames,
    train: d.train,
    validation: d.validation.rows > 0 ? d.validation : null,
    targetScale: targetScale(d.preprocessing),
  };
}

/** Training and validation rows as one split (rows keep their table indices). */
export function mergeSplits(a: Split, b: Split): Split {
  if (b.rows === 0) return a;
  const cat = <T extends Float32Array | Int32Array>(x: T, y: T, make: (n: number) => T): T => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    x: cat(a.x, b.x, (n) => new Float32Array(n)),
    y: cat(a.y, b.y, (n) => new Float32Array(n)),
    rowIndices: cat(a.rowIndices, b.rowIndices, (n) => new Int32Array(n)),
    rows: a.rows + b.rows,
    features: a.features,
  };
}

function emptySplit(features: number): Split {
  return { x: new Float32Array(0), y: new Float32Array(0), rowIndices: new Int32Array(0), rows: 0, features };
}

/** The dataset with its validation rows moved into training (a retrained best configuration's split). */
export function withValidationInTrain(prepared: PreparedDataset): PreparedDataset {
  const train = mergeSplits(prepared.train, prepared.validation);
  return { ...prepared, train, validation: emptySplit(train.features) };
}
