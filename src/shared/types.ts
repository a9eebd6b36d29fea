/**
 * The values that travel between the core, the shell, the CLI and the window. Everything
 * here is plain JSON-safe data (numbers are epoch milliseconds, amounts are exact decimal
 * strings, see money.ts) so
 * it can be persisted, sent over IPC and printed without conversion. None carries a secret.
 */

export const PRODUCTION_BASE_URL = 'https://oapi.eiotclub.com';

/** One successful answer of the balance endpoint. */
export interface Reading {
  currency: string;
  /**
   * Exact decimal string in major units with every decimal the API sent, canonicalised
   * only in form (no leading zeros, at least two decimals): "1234.56", "0.125".
   */
  balance: string;
  /** When the answer arrived, epoch ms. */
  fetchedAt: number;
}

export type FailureKind = 'api' | 'http' | 'network' | 'invalid-response';

export type NetworkReason =
  | 'timeout-connect'
  | 'timeout-headers'
  | 'timeout-body'
  | 'deadline'
  | 'aborted'
  | 'refused'
  | 'reset'
  | 'dns'
  | 'tls'
  | 'other';

export type InvalidReason = 'not-json' | 'shape' | 'balance' | 'too-large' | 'empty';

/** Why a fetch did not produce a reading. Never contains the secret. */
export interface FetchFailure {
  kind: FailureKind;
  /** Worth trying again soon (timeouts, 429, 5xx); false for e.g. a rejected signature. */
  retryable: boolean;
  /** The server asked us to wait this long (Retry-After), in ms. */
  retryAfterMs?: number;
  /** The API refused our credentials (bad signature, unknown appkey): back off fully. */
  auth?: boolean;
  /** kind 'api': the platform's code, verbatim. */
  code?: string;
  /** kind 'http': the status. */
  status?: number;
  /** kind 'network' | 'invalid-response': which one. */
  reason?: NetworkReason | InvalidReason;
  /**
   * kind 'api', the timestamp refused: this computer's clock minus the server's (its Date
   * header), in ms; positive when this computer is ahead.
   */
  clockOffsetMs?: number;
  /** Human-readable detail: the API's message verbatim, or our one-line description. */
  message: string;
  /** When it happened, epoch ms. */
  at: number;
}

export type FetchResult = { ok: true; reading: Reading } | { ok: false; failure: FetchFailure };

export interface AccountConfig {
  id: string;
  label: string;
  appkey: string;
  baseUrl: string;
  /** 60..86400, default 300. */
  pollIntervalSec: number;
  /** Decimal strings in the account's currency, e.g. "100.00". */
  lowThreshold?: string;
  criticalThreshold?: string;
  enabled: boolean;
}

export type Language = 'system' | 'en' | 'zh-CN';

export interface AppSettings {
  notifications: boolean;
  launchAtLogin: boolean;
  /** macOS only: the balance as the menu-bar title. */
  showBalanceInMenuBar: boolean;
  language: Language;
  /** A notice when the forecast says fewer days than this remain. */
  forecastWarnDays: number;
  /** Look for a new version of the app shortly after start and every few hours. */
  autoUpdate: boolean;
  /** `beta` also offers pre-release versions. */
  updateChannel: UpdateChannel;
}

export type UpdateChannel = 'latest' | 'beta';

export const DEFAULT_SETTINGS: AppSettings = {
  notifications: true,
  launchAtLogin: false,
  showBalanceInMenuBar: true,
  language: 'system',
  forecastWarnDays: 3,
  autoUpdate: true,
  updateChannel: 'latest',
};

export const POLL_INTERVAL = { defaultSec: 300, minSec: 60, maxSec: 86_400 } as const;

export type AccountStatus = 'unconfigured' | 'loading' | 'ok' | 'low' | 'critical' | 'error' | 'stale' | 'paused';

/** Worst first: the tray shows the first of these that any account is in. */
export const STATUS_SEVERITY: readonly AccountStatus[] = [
  'critical',
  'error',
  'stale',
  'low',
  'unconfigured',
  'loading',
  'paused',
  'ok',
];

export interface Forecast {
  /** Estimated spend per day in major units (positive = spending); an estimate, not an amount. */
  spendPerDay: number;
  daysUntilEmpty: number | null;
  daysUntilLow: number | null;
}

/** What the UI knows of one account: config without secret, plus its live state. */
export interface AccountSnapshot extends AccountConfig {
  hasSecret: boolean;
  /** The secret lives only in memory for this session (no keychain backend). */
  secretSessionOnly: boolean;
  status: AccountStatus;
  /** The last good reading: an error never replaces it. */
  lastReading: Reading | null;
  lastFailure: FetchFailure | null;
  failureStreak: number;
  nextCheckAt: number | null;
  /** Why the next check is when it is (or why none is planned); null before the first decision. */
  nextCheckReason: NextCheckReason | null;
  /** null: not paused. 'until-resumed': paused with no end (JSON has no Infinity). */
  pausedUntil: number | typeof PAUSED_UNTIL_RESUMED | null;
  forecast: Forecast | null;
}

export const PAUSED_UNTIL_RESUMED = 'until-resumed';

/** The scheduler's reasons (core/schedule.ts decides; the UI and logs may show them). */
export type NextCheckReason =
  'first-poll' | 'interval' | 'backoff' | 'retry-after' | 'auth-backoff' | 'paused' | 'suspended' | 'offline' | 'wake';

export interface Snapshot {
  at: number;
  aggregate: AccountStatus;
  accounts: AccountSnapshot[];
}

/** One history entry: equal consecutive readings collapse into one [firstAt, lastAt] span. */
export interface HistoryEntry {
  firstAt: number;
  lastAt: number;
  /** Exact decimal string, as in Reading. */
  balance: string;
  currency: string;
  /** The balance went up against the previous entry. */
  topUp?: boolean;
}

export type NoticeKind = 'low' | 'critical' | 'recovered' | 'top-up' | 'error' | 'error-recovered' | 'forecast';

/** Something worth telling the user; localised by whoever shows it. */
export interface Notice {
  accountId: string;
  label: string;
  kind: NoticeKind;
  at: number;
  /** The balance when the notice was raised (absent for error notices with no reading). */
  balance?: string;
  currency?: string;
  /** For low/critical/recovered: the threshold concerned, a decimal string. */
  threshold?: string;
  /** For error notices. */
  failure?: FetchFailure;
  /** For forecast notices. */
  days?: number;
}

export function worstStatus(statuses: readonly AccountStatus[]): AccountStatus {
  for (const status of STATUS_SEVERITY) if (statuses.includes(status)) return status;
  return 'unconfigured';
}
