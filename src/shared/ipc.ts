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
  pause: { request: { accountId?: string; durationMs: number | null }; response: null };
  resume: { request: { accountId?: string }; response: null };
  'csv:export': { request: { accountId: string }; response: { saved: boolean; path?: string } };
  'settings:get': { request: Empty; response: AppSettings };
  'settings:set': { request: { patch: Partial<AppSettings> }; response: AppSettings };
  /** Esc in the window: put it away as a popover would (hidden, not destroyed mid-use). */
  'window:hide': { request: Empty; response: null };
}

export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = Channels[C]['request'];
export type ResponseOf<C extends Channel> = Channels[C]['response'];

/** Pushed main -> window. */
export interface Events {
  'state:changed': Snapshot;
  'settings:changed': AppSettings;
  navigate: { view: View; accountId?: string };
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['state:changed', 'settings:changed', 'navigate'];

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
  pause: z.strictObject({
    accountId: id.optional(),
    durationMs: z
      .number()
      .int()
      .positive()
      .max(31 * 86_400_000)
      .nullable(),
  }),
  resume: z.strictObject({ accountId: id.optional() }),
  'csv:export': z.strictObject({ accountId: id }),
  'settings:get': empty,
  'settings:set': z.strictObject({ patch: settingsPatch }),
  'window:hide': empty,
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
