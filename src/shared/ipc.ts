/**
 * The one contract between the window and the main process. Both sides import it: main
 * registers a handler per channel through a wrapper that checks the sender and parses the
 * payload with the schema below before the handler sees it; the preload builds the
 * window's named methods from `bridgeMethods`. A secret only ever travels window -> main
 * (`accounts:add`, `secret:set`, `connection:test`); nothing main returns contains one.
 */
import { z } from 'zod';
import type { MessageKey, MessageParams } from './i18n/index.js';
import { bridgeEvents, bridgeMethods } from './ipc-names.js';
import type { AccountConfig, AccountSnapshot, AppSettings, FetchResult, HistoryEntry, Snapshot } from './types.js';
import type { UpdateStatus } from './update-status.js';

export type View = 'overview' | 'accounts' | 'settings';

/** What the form sends: an account without id and without secret. */
export type AccountInput = Omit<AccountConfig, 'id'>;

/** A validation problem tied to one form field, localised by the window. */
export interface FieldError {
  field: keyof AccountInput | 'secret' | keyof AppSettings;
  key: MessageKey;
  params?: MessageParams;
}

export type IpcErrorCode = 'invalid-payload' | 'forbidden' | 'validation' | 'not-found' | 'keychain' | 'internal';

export interface IpcError {
  code: IpcErrorCode;
  /** English, for logs; the window shows `key` (or `fields`) localised. */
  message: string;
  key?: MessageKey;
  params?: MessageParams;
  fields?: FieldError[];
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

type Empty = Record<string, never>;

export interface Channels {
  'app:info': { request: Empty; response: { version: string; platform: string } };
  'state:get': { request: Empty; response: Snapshot };
  'history:get': { request: { accountId: string; sinceMs?: number }; response: HistoryEntry[] };
  'accounts:add': {
    request: { account: AccountInput; secret?: string };
    response: AccountSnapshot;
  };
  'accounts:update': { request: { id: string; account: AccountInput }; response: AccountSnapshot };
  'accounts:remove': { request: { id: string }; response: null };
  'secret:set': {
    request: { accountId: string; secret: string };
    response: { hasSecret: true; sessionOnly: boolean };
  };
  'secret:remove': { request: { accountId: string }; response: { hasSecret: false } };
  'connection:test': {
    /** Without `secret`, the stored one of `accountId` is used. */
    request: { baseUrl: string; appkey: string; secret?: string; accountId?: string };
    response: FetchResult;
  };
  refresh: { request: { accountId?: string }; response: null };
  'csv:export': { request: { accountId: string }; response: { saved: boolean; path?: string } };
  'settings:get': { request: Empty; response: AppSettings };
  'settings:set': { request: { patch: Partial<AppSettings> }; response: AppSettings };
  /**
   * The page has subscribed to pushed events: main answers with the view it should open
   * (a deep link queued until now) and what the window must tell the user about the app.
   */
  'window:ready': { request: Empty; response: { navigation: Navigation | null; problems: WindowProblem[] } };
  'update:status': { request: Empty; response: UpdateStatus };
  /** Checks now, whatever the automatic-check setting; answers once the check is done. */
  'update:check': { request: Empty; response: UpdateStatus };
  /** Opens the Releases page main knows (never an address from the window). */
  'update:open-download': { request: Empty; response: { opened: boolean } };
  /** Esc in the window: put it away as a popover would (hidden, not destroyed mid-use). */
  'window:hide': { request: Empty; response: null };
  /** The height the current view needs (CSS px): main sizes the glance to it, within limits. */
  'window:fit': { request: { height: number }; response: null };
  /** The glance's Quit…, after the page asked the user: ends monitoring (the tray's Quit). */
  'app:quit': { request: Empty; response: null };
}

/** A view to open, pushed by main (tray, notification) or queued until the page is ready. */
export interface Navigation {
  view: View;
  accountId?: string;
}

/**
 * What the app could not set up and the window must say: no tray icon host (Linux without
 * a StatusNotifier host), or a build without the keychain module.
 */
export type WindowProblem = 'no-tray' | 'no-keychain-support';

export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = Channels[C]['request'];
export type ResponseOf<C extends Channel> = Channels[C]['response'];

/** Pushed main -> window. */
export interface Events {
  'state:changed': Snapshot;
  'settings:changed': AppSettings;
  navigate: Navigation;
  'update:changed': UpdateStatus;
}
export type EventName = keyof Events;

// ---- Runtime schemas for everything main receives. Shapes only; the account rules
// (critical <= low, URL policy, interval bounds) are checked again by the core.

const id = z.string().min(1).max(64);
const secret = z.string().min(1).max(512);
const text = (max: number) => z.string().max(max);
const empty = z.strictObject({});

const accountInput = z.strictObject({
  label: text(64),
  appkey: text(128),
  baseUrl: text(2048),
  pollIntervalSec: z.number().int(),
  lowThreshold: text(32).optional(),
  criticalThreshold: text(32).optional(),
  enabled: z.boolean(),
});

const settingsPatch = z
  .strictObject({
    notifications: z.boolean(),
    launchAtLogin: z.boolean(),
    showBalanceInMenuBar: z.boolean(),
    language: z.enum(['system', 'en', 'zh-CN']),
    forecastWarnDays: z.number().int().min(0).max(365),
    autoUpdate: z.boolean(),
    updateChannel: z.enum(['latest', 'beta']),
  })
  .partial();

export const requestSchemas: { [C in Channel]: z.ZodType<RequestOf<C>> } = {
  'app:info': empty,
  'state:get': empty,
  'history:get': z.strictObject({ accountId: id, sinceMs: z.number().int().optional() }),
  'accounts:add': z.strictObject({ account: accountInput, secret: secret.optional() }),
  'accounts:update': z.strictObject({ id, account: accountInput }),
  'accounts:remove': z.strictObject({ id }),
  'secret:set': z.strictObject({ accountId: id, secret }),
  'secret:remove': z.strictObject({ accountId: id }),
  'connection:test': z.strictObject({
    baseUrl: text(2048),
    appkey: text(128),
    secret: secret.optional(),
    accountId: id.optional(),
  }),
  refresh: z.strictObject({ accountId: id.optional() }),
  'csv:export': z.strictObject({ accountId: id }),
  'settings:get': empty,
  'settings:set': z.strictObject({ patch: settingsPatch }),
  'window:ready': empty,
  'update:status': empty,
  'update:check': empty,
  'update:open-download': empty,
  'window:hide': empty,
  'window:fit': z.strictObject({ height: z.number().int().min(0).max(100_000) }),
  'app:quit': empty,
};

export const CHANNELS = Object.keys(requestSchemas) as Channel[];

export { BRIDGE_KEY, bridgeEvents, bridgeMethods } from './ipc-names.js';

type MethodName = keyof typeof bridgeMethods;
type EventMethodName = keyof typeof bridgeEvents;

/** `window.eiot` in the renderer. */
export type Bridge = {
  [M in MethodName]: (
    request: RequestOf<(typeof bridgeMethods)[M]>,
  ) => Promise<IpcResult<ResponseOf<(typeof bridgeMethods)[M]>>>;
} & {
  [E in EventMethodName]: (listener: (payload: Events[(typeof bridgeEvents)[E]]) => void) => () => void;
};
