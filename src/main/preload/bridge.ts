/**
 * The window's API, built from the IPC contract: one named method per channel and one
 * subscription per pushed event. It closes over ipcRenderer and never hands it out, and
 * listeners receive the payload only (the IPC event would expose `sender`).
 */
import { bridgeEvents, bridgeMethods } from '../../shared/ipc-names.js';
import type { Bridge, EventName } from '../../shared/ipc.js';

/** The two things the bridge needs from ipcRenderer. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: RendererIpc): Bridge {
  const bridge: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(bridgeMethods)) {
    bridge[name] = (request: unknown) => ipc.invoke(channel, request);
  }
  for (const [name, event] of Object.entries(bridgeEvents) as Array<[string, EventName]>) {
    bridge[name] = (listener: (payload: unknown) => void) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    };
  }
  // Built by looping over the same maps the Bridge type is derived from.
  return Object.freeze(bridge) as Bridge;
}
