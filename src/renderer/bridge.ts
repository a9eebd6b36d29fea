/**
 * The window's only way to main: the preload's `window.eiot`. Calls come back as IpcResult;
 * `BridgeCallError` turns a refusal into something views can catch and show in place.
 */
import type { Bridge, IpcError, IpcResult } from '../shared/ipc.js';
// ipc-names.ts, not ipc.ts: the latter's zod schemas would add ~500 KB to the window bundle.
import { BRIDGE_KEY as KEY } from '../shared/ipc-names.js';

export function getBridge(): Bridge {
  const bridge = (window as unknown as Record<string, unknown>)[KEY];
  if (!bridge) throw new Error(`window.${KEY} is missing: the preload did not run`);
  return bridge as Bridge;
}

export class BridgeCallError extends Error {
  override readonly name = 'BridgeCallError';
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

export async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new BridgeCallError(result.error);
  return result.value;
}
