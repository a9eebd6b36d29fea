/**
 * What the shell, the CLI, the window's handlers and the headless service may ask of the
 * engine. One implementation (engine.ts); everything else codes against this.
 */
import type { AccountInput } from '../../shared/ipc.js';
import type { AccountRef } from './engine/account-refs.js';
import type { AccountSnapshot, AppSettings, FetchResult, HistoryEntry, Notice, Snapshot } from '../../shared/types.js';

export type WakeReason = 'resume' | 'unlock' | 'online' | 'late-timer';

export interface EngineApi {
  /** Loads settings and history, starts polling every enabled account. */
  start(): Promise<void>;
  /** Stops polling, aborts what is in flight, saves history and alert state. */
  stop(): Promise<void>;

  snapshot(): Snapshot;
  /**
   * The id and label of every account the engine runs: what snapshot() says about them, at
   * a fraction of its cost (serve's secret store asks it once per lookup, for a thousand accounts).
   * The same array comes back while no account's id or label changes, so callers may compare it
   * by reference (test/engine/reuse.test.ts).
   */
  accountRefs(): readonly AccountRef[];
  /** Called after every state change with the new snapshot; returns an unsubscribe. */
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
  /** Every notice the alert rules raise (the shell filters by the notifications setting). */
  onNotice(listener: (notice: Notice) => void): () => void;

  /** Joins the poll in flight or starts one; no-op within 5 s of a success. All when no id. */
  refresh(accountId?: string): Promise<void>;
  /** null duration: until resumed. All accounts when no id. */
  pause(accountId: string | undefined, durationMs: number | null): void;
  resume(accountId?: string): void;
  /** The machine is going to sleep: no polls until wake. */
  suspend(): void;
  wake(reason: WakeReason): void;
  setOnline(online: boolean): void;

  history(accountId: string, sinceMs?: number): Promise<HistoryEntry[]>;
  /** RFC 4180 CSV with a header row and ISO-8601 UTC timestamps. */
  exportCsv(accountId: string): Promise<string>;

  /** Throws ValidationError (with fields) on bad input. */
  addAccount(input: AccountInput, secret?: string): Promise<AccountSnapshot>;
  updateAccount(id: string, input: AccountInput): Promise<AccountSnapshot>;
  /** Also deletes the account's keychain entry and history. */
  removeAccount(id: string): Promise<void>;
  /** sessionOnly: no keychain backend, kept in memory for this run only. */
  setSecret(id: string, secret: string): Promise<{ sessionOnly: boolean }>;
  removeSecret(id: string): Promise<void>;
  /** A real signed call with the given (or the stored) secret; changes no state. */
  testConnection(params: {
    baseUrl: string;
    appkey: string;
    secret?: string;
    accountId?: string;
  }): Promise<FetchResult>;

  settings(): AppSettings;
  updateSettings(patch: Partial<AppSettings>): AppSettings;
  onSettings(listener: (settings: AppSettings) => void): () => void;
  /** Set once a change moved an unusable settings file aside: where it went. */
  readonly settingsSetAside: string | null;
  /**
   * The settings file as last read is from a newer version (read-only: changes are refused)
   * or unusable (defaults in use until the first change sets it aside); null when fine.
   */
  readonly settingsProblem: SettingsProblem | null;
}

export type SettingsProblem =
  { kind: 'newer'; schemaVersion: number; path: string; message: string } | { kind: 'invalid'; message: string };

/** Something that failed without stopping the engine; `error` carries the cause (an errno code). */
export interface EngineProblem {
  what: string;
  accountId?: string;
  error: unknown;
}

/** What `createEngine` (engine.ts) is built from: the whole outside world, passed in. */
export interface EngineDeps {
  clock: import('./ports.js').Clock;
  timers: import('./ports.js').Timers;
  random: import('./ports.js').Random;
  fetchBalance: import('./ports.js').FetchBalance;
  /** Usually a SessionFallbackSecretStore around the keychain. */
  secrets: import('./ports.js').SecretStore;
  /** The settings file (conf in Node, electron-store in the app). */
  store: import('./ports.js').DocumentStore;
  /** Folder for settings, history (`history/<id>.json`) and state (`state/<id>.json`). */
  dataDir: string;
  /** Runtime state (alert episodes); default the state files in dataDir. */
  state?: import('./ports.js').StateStore;
  /** Calls back when config.json may have changed; returns a stop function. None: per-poll checks only. */
  watchSettings?: (onChange: () => void) => () => void;
  newId?: () => string;
  /**
   * Tell subscribers at most this often (ms), one snapshot for all the changes meanwhile;
   * default: after each tick. For a service with many accounts, where each snapshot is costly.
   */
  snapshotEveryMs?: number;
  /** Caps the balance requests in flight across all accounts (serve's --concurrency); none: no cap. */
  limiter?: import('./limiter.js').Limiter;
  /**
   * At start, an account with a reading from history polls first at a random point of its
   * interval (seeded by `random`) instead of at once, so a service watching many accounts
   * does not poll them all in one burst. An account with nothing to show still polls at once.
   */
  spreadFirstPolls?: boolean;
  /** Diagnostic lines (never a secret); silent when absent. */
  log?: (line: string) => void;
  /** Failures the engine survives (a state or history write, a poll that threw), with their cause. */
  onError?: (problem: EngineProblem) => void;
}
