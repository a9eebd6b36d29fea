/**
 * What each window request does, without Electron: the shell wires these to ipcMain behind
 * its sender check, and the window's browser tests call the very same functions. Payloads
 * are parsed with the contract's schemas before a handler sees them; every failure becomes
 * a typed IpcError, and no error text that could carry user input (a secret) is passed on.
 */
import { ZodError } from 'zod';
import {
  requestSchemas,
  type Channel,
  type IpcError,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc.js';
import type { UpdateStatus } from '../../shared/update-status.js';
import type { EngineApi } from '../core/engine-api.js';
import { ConfigurationError, KeychainUnavailableError, NotFoundError, ValidationError } from '../core/errors.js';

export type IpcHandlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface HandlerDeps {
  /** Asks the user where to save (a dialog in the app) and writes the file. */
  saveCsv(defaultName: string, csv: string): Promise<{ saved: boolean; path?: string }>;
  appInfo: { version: string; platform: string };
  /** The page is ready for pushed events (the shell's window manager); none outside the app. */
  windowReady?(): ResponseOf<'window:ready'>;
  /** The app's own updates (the shell's updater); without it the window hears "unsupported". */
  updates?: { status(): UpdateStatus; check(): Promise<UpdateStatus>; openDownload(): boolean };
  /** Closes the window the way the platform expects (hide for a tray popover). */
  hideWindow?(): void;
  /** Sizes the window to the height its view needs (the shell clamps it). */
  fitWindow?(height: number): void;
  /** Quits the app (the shell); outside the app there is nothing to quit. */
  quitApp?(): void;
}

const NO_UPDATES: UpdateStatus = { state: 'unsupported', mode: 'unsupported' };

export function createIpcHandlers(engine: EngineApi, deps: HandlerDeps): IpcHandlers {
  const account = (id: string) => {
    const found = engine.snapshot().accounts.find((a) => a.id === id);
    if (!found) throw new NotFoundError(`no account ${id}`);
    return found;
  };
  return {
    'app:info': async () => deps.appInfo,
    'state:get': async () => engine.snapshot(),
    'history:get': async ({ accountId, sinceMs }) => engine.history(accountId, sinceMs),
    'accounts:add': async ({ account: input, secret }) => engine.addAccount(input, secret),
    'accounts:update': async ({ id, account: input }) => engine.updateAccount(id, input),
    'accounts:remove': async ({ id }) => {
      await engine.removeAccount(id);
      return null;
    },
    'secret:set': async ({ accountId, secret }) => {
      const { sessionOnly } = await engine.setSecret(accountId, secret);
      return { hasSecret: true, sessionOnly };
    },
    'secret:remove': async ({ accountId }) => {
      await engine.removeSecret(accountId);
      return { hasSecret: false };
    },
    'connection:test': async (request) => engine.testConnection(request),
    refresh: async ({ accountId }) => {
      await engine.refresh(accountId);
      return null;
    },
    'csv:export': async ({ accountId }) => {
      const { label } = account(accountId);
      const csv = await engine.exportCsv(accountId);
      return deps.saveCsv(`${label.replace(/[^\p{L}\p{N}_-]+/gu, '-')}-balance.csv`, csv);
    },
    'settings:get': async () => engine.settings(),
    'settings:set': async ({ patch }) => engine.updateSettings(patch),
    'window:ready': async () => deps.windowReady?.() ?? { navigation: null, problems: [] },
    'update:status': async () => deps.updates?.status() ?? NO_UPDATES,
    'update:check': async () => (deps.updates ? deps.updates.check() : NO_UPDATES),
    'update:open-download': async () => ({ opened: deps.updates?.openDownload() ?? false }),
    'window:hide': async () => {
      deps.hideWindow?.();
      return null;
    },
    'window:fit': async ({ height }) => {
      deps.fitWindow?.(height);
      return null;
    },
    'app:quit': async () => {
      deps.quitApp?.();
      return null;
    },
  };
}

/** Parses the payload, runs the handler, and turns any failure into a typed error. */
export async function dispatch<C extends Channel>(
  handlers: IpcHandlers,
  channel: C,
  payload: unknown,
): Promise<IpcResult<ResponseOf<C>>> {
  const schema = requestSchemas[channel];
  if (!schema)
    return { ok: false, error: { code: 'invalid-payload', message: 'unknown channel', key: 'error.invalid-payload' } };
  try {
    const request = schema.parse(payload) as RequestOf<C>;
    const value = await handlers[channel](request);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}

export function toIpcError(error: unknown): IpcError {
  if (error instanceof ZodError) {
    // Paths only: the values themselves may be a secret.
    const paths = error.issues.map((issue) => issue.path.join('.') || '(payload)').join(', ');
    return { code: 'invalid-payload', message: `invalid payload at ${paths}`, key: 'error.invalid-payload' };
  }
  if (error instanceof ValidationError) {
    return { code: 'validation', message: error.message, key: 'error.validation', fields: error.fields };
  }
  if (error instanceof ConfigurationError) {
    return {
      code: 'validation',
      message: error.message,
      key: 'error.validation',
      fields:
        error.problem === 'secret' || error.problem === 'appkey'
          ? [{ field: error.problem, key: 'error.validation' }]
          : [{ field: 'baseUrl', key: 'error.validation' }],
    };
  }
  if (error instanceof NotFoundError) return { code: 'not-found', message: error.message, key: 'error.not-found' };
  if (error instanceof KeychainUnavailableError) {
    return { code: 'keychain', message: error.message, key: 'error.keychain', params: { detail: error.message } };
  }
  return { code: 'internal', message: 'internal error', key: 'error.internal' };
}
