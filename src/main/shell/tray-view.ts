/**
 * What the tray shows, as a pure function of the engine's snapshot and the settings, so every
 * rule is a table test and the tray service only applies differences.
 */
import type { View } from '../../shared/ipc.js';
import { byAttention } from '../../shared/attention.js';
import { describeFailure } from '../../shared/failure-text.js';
import { translator, type Locale, type Translate } from '../../shared/i18n/index.js';
import { translatePlural } from '../../shared/i18n/plural.js';
import { formatMoney } from '../../shared/money.js';
import type { AccountSnapshot, AccountStatus, AppSettings, Snapshot } from '../../shared/types.js';

/** File names under build/tray: one per state, plus macOS's neutral template image. */
export type TrayIconName = AccountStatus | 'okTemplate';

/** The file for a state on a platform, relative to build/tray: Linux gets the 22 px set. */
export function trayIconFile(name: TrayIconName, platform: NodeJS.Platform | undefined): string {
  return platform === 'linux' ? `linux/${name}.png` : `${name}.png`;
}

export type TrayAction =
  | { type: 'open'; view: View; accountId?: string }
  | { type: 'refresh' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'launch-at-login'; enable: boolean }
  | { type: 'open-log-folder' }
  | { type: 'update'; command: 'check' | 'install' | 'open-download' }
  | { type: 'quit' };

export type MenuItemModel =
  | { type: 'separator' }
  | { type: 'normal'; label: string; action: TrayAction }
  | { type: 'checkbox'; label: string; checked: boolean; action: TrayAction };

export interface TrayView {
  icon: TrayIconName;
  tooltip: string;
  /** macOS menu-bar title; empty elsewhere or when the setting is off. */
  title: string;
  menu: MenuItemModel[];
}

/** Windows keeps 128 UTF-16 units including the terminator; the others show far more. */
export function tooltipLimit(platform: NodeJS.Platform): number {
  return platform === 'win32' ? 127 : 1024;
}

export const PAUSE_MS = 3_600_000;

export function trayView(
  snapshot: Snapshot,
  settings: AppSettings,
  locale: Locale,
  platform: NodeJS.Platform,
  timeZone?: string,
): TrayView {
  const t = translator(locale);
  const icon: TrayIconName = platform === 'darwin' && snapshot.aggregate === 'ok' ? 'okTemplate' : snapshot.aggregate;
  const lines = snapshot.accounts.map((account) => tooltipLine(account, locale, t, timeZone));
  const tooltip = lines.length ? fitLines(lines, tooltipLimit(platform), locale) : t('tray.tooltip.empty');
  return {
    icon,
    tooltip,
    title: menuBarTitle(snapshot, settings, locale, platform),
    menu: menu(snapshot, settings, locale, t),
  };
}

function money(account: AccountSnapshot, locale: Locale): string | null {
  const reading = account.lastReading;
  return reading ? formatMoney(reading.balance, reading.currency, locale) : null;
}

function tooltipLine(account: AccountSnapshot, locale: Locale, t: Translate, timeZone?: string): string {
  const status = t(`status.${account.status}`);
  const balance = money(account, locale);
  const reading = account.lastReading;
  const parts = [
    balance && reading
      ? t('tray.tooltip.line', { label: account.label, balance, time: clockTime(reading.fetchedAt, locale, timeZone) })
      : t('tray.tooltip.noReading', { label: account.label, status }),
  ];
  const days = account.forecast?.daysUntilEmpty;
  if (days !== null && days !== undefined && Number.isFinite(days)) {
    parts.push(translatePlural(locale, 'tray.tooltip.forecast', Math.round(days)));
  }
  if ((account.status === 'stale' || account.status === 'error') && account.lastFailure) {
    parts.push(t('tray.tooltip.reason', { status, reason: describeFailure(account.lastFailure, t) }));
  }
  return parts.join(' · ');
}

function clockTime(epochMs: number, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    epochMs,
  );
}

/** Whole lines first, then "… and N more"; one line that alone is too long is cut with an ellipsis. */
function fitLines(lines: string[], limit: number, locale: Locale): string {
  const full = lines.join('\n');
  if (full.length <= limit) return full;
  for (let keep = lines.length - 1; keep >= 1; keep--) {
    const more = translatePlural(locale, 'tray.tooltip.more', lines.length - keep);
    const text = [...lines.slice(0, keep), more].join('\n');
    if (text.length <= limit) return text;
  }
  const first = lines[0] ?? '';
  return first.length <= limit ? first : `${first.slice(0, limit - 1)}…`;
}

/** The first card of the glance that has a figure: the same account the window puts on top. */
function menuBarTitle(snapshot: Snapshot, settings: AppSettings, locale: Locale, platform: NodeJS.Platform): string {
  if (platform !== 'darwin' || !settings.showBalanceInMenuBar) return '';
  const first = byAttention(snapshot.accounts, locale).find((account) => account.lastReading !== null);
  return first ? (money(first, locale) ?? '') : '';
}

function menu(snapshot: Snapshot, settings: AppSettings, locale: Locale, t: Translate): MenuItemModel[] {
  const items: MenuItemModel[] = snapshot.accounts.map((account) => {
    const status = t(`status.${account.status}`);
    const balance = money(account, locale);
    const label = balance
      ? t('tray.menu.account', { label: account.label, balance, status })
      : t('tray.menu.accountNoReading', { label: account.label, status });
    return { type: 'normal', label, action: { type: 'open', view: 'overview', accountId: account.id } };
  });
  if (items.length === 0) {
    items.push({ type: 'normal', label: t('tray.menu.addAccount'), action: { type: 'open', view: 'accounts' } });
  }
  items.push({ type: 'separator' }, { type: 'normal', label: t('tray.menu.refresh'), action: { type: 'refresh' } });
  const enabled = snapshot.accounts.filter((account) => account.enabled);
  if (enabled.some((account) => account.pausedUntil === null)) {
    items.push({ type: 'normal', label: t('tray.menu.pause'), action: { type: 'pause' } });
  }
  if (enabled.some((account) => account.pausedUntil !== null)) {
    items.push({ type: 'normal', label: t('tray.menu.resume'), action: { type: 'resume' } });
  }
  items.push(
    { type: 'separator' },
    { type: 'normal', label: t('tray.menu.open'), action: { type: 'open', view: 'overview' } },
    {
      type: 'checkbox',
      label: t('tray.menu.launchAtLogin'),
      checked: settings.launchAtLogin,
      action: { type: 'launch-at-login', enable: !settings.launchAtLogin },
    },
    { type: 'separator' },
    { type: 'normal', label: t('shell.menu.openLogFolder'), action: { type: 'open-log-folder' } },
    { type: 'normal', label: t('tray.menu.quit'), action: { type: 'quit' } },
  );
  return items;
}
