/**
 * Every window request enters main here: one wrapper per channel that refuses any sender
 * other than the app's own page, then hands the raw payload to `dispatch`, which parses it
 * against the contract and turns every failure into a typed error (never a throw across IPC).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Channel, type IpcResult, type ResponseOf } from '../../shared/ipc.js';
import { dispatch, type IpcHandlers } from '../window-api/handlers.js';

export interface IpcOptions {
  handlers: IpcHandlers;
  isOwnSender(event: IpcMainInvokeEvent): boolean;
  log?: (line: string) => void;
  /** Every secret a payload carries, before anything else sees it: the log redacts it. */
  onSecret?: (secret: string) => void;
}

const FORBIDDEN = {
  ok: false,
  error: { code: 'forbidden', message: 'sender is not the app window', key: 'error.forbidden' },
} as const satisfies IpcResult<never>;

/** Registers all channels; the returned function removes them again. */
export function registerIpc({ handlers, isOwnSender, log, onSecret }: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => handle(channel, event, payload));
  }
  async function handle<C extends Channel>(
    channel: C,
    event: IpcMainInvokeEvent,
    payload: unknown,
  ): Promise<IpcResult<ResponseOf<C>>> {
    const secret = (payload as { secret?: unknown } | null)?.secret;
    if (typeof secret === 'string') onSecret?.(secret);
    if (!isOwnSender(event)) {
      log?.(`ipc: refused ${channel} from a foreign sender`);
      return FORBIDDEN;
    }
    return dispatch(handlers, channel, payload);
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
