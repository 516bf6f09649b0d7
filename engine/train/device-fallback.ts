/**
 * Surviving a lost GPU: the run keeps a host copy of its weights and optimizer state at each epoch boundary,
 * and when the device is lost mid-epoch it rebuilds that state on the fallback backend (once) so the epoch
 * restarts there and no step is lost.
 */
import type { Backend } from '../backend/backend.ts';
import { BackendError } from '../errors.ts';
import type { DeviceState, HostState } from './device-state.ts';
import { diagnosticMessages } from './messages.ts';
import type { TrainEvent } from './types.ts';

/** True when an error means the GPU device is gone. */
function isDeviceLost(e: unknown): boolean {
  return e instanceof BackendError && e.code === 'backend/device-lost';
}

/** The fallback of one run: unused until a device is lost, spent after. */
export class DeviceFallback {
  /** Host copy of the state at the start of the current epoch (only while a fallback is left). */
  private host: HostState | null = null;

  constructor(private fallback: (() => Promise<Backend>) | undefined) {}

  /** Copy the state to the host at an epoch boundary; nothing without a fallback left. */
  async save(state: DeviceState): Promise<void> {
    if (this.fallback) this.host = await state.toHost();
  }

  /**
   * After `e` was thrown mid-epoch: when it is a lost device and the fallback is unused, the saved state
   * rebuilt on the fallback backend by `rebuild` (and a `backendFallback` diagnostic emitted); else rethrows `e`.
   */
  async recover(
    e: unknown,
    state: DeviceState,
    epoch: number,
    rebuild: (backend: Backend, host: HostState) => DeviceState,
    emit: (event: TrainEvent) => void,
  ): Promise<DeviceState> {
    const host = this.host;
    if (!isDeviceLost(e) || !host || !this.fallback) throw e;
    const lost = state.backend.label;
    const next = await this.fallback();
    const moved = rebuild(next, host);
    emit({
      type: 'diagnostic',
      diagnostic: {
        kind: 'backendFallback',
        layerId: null,
        epoch,
        message: diagnosticMessages.backendFallback(lost, (e as Error).message, next.label, epoch),
      },
    });
    this.fallback = undefined;
    this.host = null;
    return moved;
  }
}
