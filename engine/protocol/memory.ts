/** The memory family: which runs the worker keeps, and what it holds. */
import { ProtocolError, reply, request } from './fields.ts';

/**
 * What the worker holds, estimated as the bytes of the typed arrays it keeps (each buffer once): the
 * loaded table and its prepared splits, and every run's weights, optimizer state and model arrays.
 */
export interface WorkerMemory {
  /** Everything below together. */
  bytes: number;
  /** The current table and the prepared training arrays cached for it. */
  tableBytes: number;
  /** The runs the worker keeps for evaluate, continue and export. */
  runBytes: number;
  /** How many runs it keeps. */
  runs: number;
}

/** The memory requests. */
export const MEMORY_REQUESTS = {
  /**
   * Keep only these runs (the ones the project lists) and free every other finished run's model and
   * optimizer state; runs still training are kept. `keepTable` false also forgets the loaded table and what was
   * prepared from it (New project: the app shows no data, so the worker holds none). The reply says what the
   * worker holds now.
   */
  'runs/keep': request<{ runIds: string[]; keepTable: boolean }>()(
    'memory/report',
    { runIds: 'array', keepTable: 'boolean' },
    {
      check: (m) => {
        if (!m.runIds.every((r) => typeof r === 'string'))
          throw new ProtocolError("request 'runs/keep' field 'runIds' is not a list of run ids");
      },
    },
  ),
};

/** The memory events. */
export const MEMORY_EVENTS = {
  /** What the worker holds (the reply to `runs/keep`). */
  'memory/report': reply<{ memory: WorkerMemory }>()({ memory: 'object' }),
};
