/** What every view is given: the bridge, the current state, the language, and the app's verbs. */
import type { Locale, Translate } from '../shared/i18n/index.js';
import type { Bridge, IpcError } from '../shared/ipc.js';
import type { AccountSnapshot, AppSettings, HistoryEntry, Snapshot } from '../shared/types.js';
import type { ChartRange } from './chart/range.js';

/** Where the window is: a view, and which account (or form) within it. */
export type Route =
  { view: 'overview'; accountId?: string } | { view: 'accounts'; editing?: string | 'new' } | { view: 'settings' };

export interface ConfirmRequest {
  title: string;
  body: string;
  confirm: string;
}

export interface ViewContext {
  bridge: Bridge;
  t: Translate;
  locale: Locale;
  snapshot: Snapshot;
  settings: AppSettings;
  platform: string;
  navigate(route: Route): void;
  /**
   * Main has added this account: show the balances with it now. Main's reply can arrive before
   * the state push that carries the account, and the window must not wait on (or miss) that push.
   */
  accountAdded(account: AccountSnapshot): void;
  /** Polite status line (role=status); `alert` for failures that need attention. */
  announce(message: string, kind?: 'status' | 'alert'): void;
  /** Clears the alert line once what it said is no longer true. */
  clearAlert(): void;
  /** A refusal from main, localised and announced. */
  announceError(error: IpcError): void;
  /** Main accepted new settings: adopt them (a language change re-renders the window). */
  applySettings(settings: AppSettings): void;
  confirm(request: ConfirmRequest): Promise<boolean>;
  /** Full history of an account, cached until its next reading. */
  history(accountId: string): Promise<HistoryEntry[]>;
  /** The chart period, kept while the window is open. */
  chartRange: ChartRange;
  setChartRange(range: ChartRange): void;
  /** The time of the reading under an account's chart crosshair, kept across redraws. */
  chartCursor(accountId: string): number | null;
  setChartCursor(accountId: string, at: number | null): void;
  /** What had keyboard focus before this render, for content drawn after it (the chart waits for history). */
  focusKey: string | undefined;
  /** The width the main column offers, in CSS pixels: the chart draws one bucket per pixel. */
  contentWidth(): number;
}
