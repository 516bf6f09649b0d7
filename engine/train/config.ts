/** Training settings with every default filled in. */
import { EARLY_STOPPING_DEFAULTS, OPTIMIZER_DEFAULTS, TRAINING_DEFAULTS } from '../spec/defaults.ts';
import type {
  BackendChoice,
  ClassWeightSpec,
  MonitorName,
  OptimizerSpec,
  ScheduleSpec,
  TrainingSpec,
} from '../spec/types.ts';

/** Resolved training settings. */
export interface TrainingConfig {
  epochs: number;
  batchSize: number;
  seed: number;
  validationSplit: number;
  shuffle: boolean;
  optimizer: OptimizerSpec;
  schedule: ScheduleSpec;
  earlyStopping: {
    monitor: MonitorName | null;
    patience: number;
    minDelta: number;
    restoreBestWeights: boolean;
  } | null;
  backend: BackendChoice;
  classWeight: ClassWeightSpec;
  refit: boolean;
}

/** Fill defaults into the spec's training section. */
export function resolveTraining(t: TrainingSpec | undefined): TrainingConfig {
  const s = t ?? {};
  const es = s.earlyStopping;
  return {
    epochs: s.epochs ?? TRAINING_DEFAULTS.epochs,
    batchSize: s.batchSize ?? TRAINING_DEFAULTS.batchSize,
    seed: s.seed ?? TRAINING_DEFAULTS.seed,
    validationSplit: s.validationSplit ?? TRAINING_DEFAULTS.validationSplit,
    shuffle: s.shuffle ?? TRAINING_DEFAULTS.shuffle,
    optimizer: s.optimizer ?? { type: 'adam', learningRate: OPTIMIZER_DEFAULTS.learningRate },
    schedule: s.schedule ?? { type: 'constant' },
    earlyStopping: es
      ? {
          monitor: es.monitor ?? null,
          patience: es.patience ?? EARLY_STOPPING_DEFAULTS.patience,
          minDelta: es.minDelta ?? EARLY_STOPPING_DEFAULTS.minDelta,
          restoreBestWeights: es.restoreBestWeights ?? EARLY_STOPPING_DEFAULTS.restoreBestWeights,
        }
      : null,
    backend: s.backend ?? 'auto',
    classWeight: s.classWeight ?? 'auto',
    refit: s.refit ?? true,
  };
}
