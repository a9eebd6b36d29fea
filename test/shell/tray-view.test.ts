import { describe, expect, test } from 'vitest';
import { trayView, type MenuItemModel } from '../../src/main/shell/tray-view.js';
import { DEFAULT_SETTINGS, type AccountSnapshot, type FetchFailure } from '../../src/shared/types.js';
import { account, reading, snapshotOf } from './fake-engine.js';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const settings = { ...DEFAULT_SETTINGS, language: 'en' as const };
const at1405 = Date.UTC(2026, 0, 5, 14, 5);
const failure: FetchFailure = {
  kind: 'http',
  status: 503,
  retryable: true,
  message: 'Service Unavailable',
  at: at1405,
};

const main = (over: Partial<AccountSnapshot> = {}) =>
  account({ id: 'm', label: 'Main', status: 'ok', lastReading: reading(123456, at1405), ...over });

const labels = (menu: MenuItemModel[]) => menu.map((item) => (item.type === 'separator' ? '---' : item.label));

describe('tooltip', () => {
  test.each([
    ['en', main(), 'Main: USD 1,234.56 · 14:05'],
    ['zh-CN', main(), 'Main：USD 1,234.56 · 14:05'],
    [
      'en',
      main({ forecast: { spendPerDay: 10, daysUntilEmpty: 12.4, daysUntilLow: 2 } }),
      'Main: USD 1,234.56 · 14:05 · ~12 days left',
    ],
    [
      'en',
      main({ forecast: { spendPerDay: 10, daysUntilEmpty: 1.2, daysUntilLow: 0 } }),
      'Main: USD 1,234.56 · 14:05 · ~1 day left',
    ],
    [
      'zh-CN',
      main({ forecast: { spendPerDay: 10, daysUntilEmpty: 12.4, daysUntilLow: 2 } }),
      'Main：USD 1,234.56 · 14:05 · 约剩 12 天',
    ],
    [
      'en',
      main({ status: 'stale', lastFailure: failure, failureStreak: 1 }),
      'Main: USD 1,234.56 · 14:05 · Out of date: HTTP 503 from the server',
    ],
    [
      'zh-CN',
      main({ status: 'error', lastFailure: failure, failureStreak: 3 }),
      'Main：USD 1,234.56 · 14:05 · 查询失败：服务器返回 HTTP 503',
    ],
    ['en', main({ status: 'loading', lastReading: null }), 'Main: Checking…'],
    ['zh-CN', main({ status: 'unconfigured', lastReading: null, hasSecret: false }), 'Main：未设置'],
  ] as const)('%s: %s', (locale, acc, expected) => {
    expect(plain(trayView(snapshotOf([acc]), settings, locale, 'linux', 'UTC').tooltip)).toBe(expected);
  });

  test('a failure is not shown while the state is not stale or failing (a retry is under way)', () => {
    const view = trayView(
      snapshotOf([main({ lastFailure: failure, failureStreak: 1 })]),
      settings,
      'en',
      'linux',
      'UTC',
    );
    expect(plain(view.tooltip)).toBe('Main: USD 1,234.56 · 14:05');
  });

  test('no account: says so, in each language', () => {
    expect(trayView(snapshotOf([]), settings, 'en', 'linux').tooltip).toBe('EIOT Balance: no account yet');
    expect(trayView(snapshotOf([]), settings, 'zh-CN', 'linux').tooltip).toBe('EIOT Balance：尚未添加账户');
  });

  test('Windows: many accounts stay within 127 characters, whole lines kept, the rest counted', () => {
    const accounts = Array.from({ length: 6 }, (_, i) => main({ id: `a${i}`, label: `Account number ${i}` }));
    const tooltip = plain(trayView(snapshotOf(accounts), settings, 'en', 'win32', 'UTC').tooltip);
    expect(tooltip.length).toBeLessThanOrEqual(127);
    const lines = tooltip.split('\n');
    expect(lines[0]).toBe('Account number 0: USD 1,234.56 · 14:05');
    expect(lines.at(-1)).toBe(`… and ${6 - (lines.length - 1)} more`);
    // The same accounts fit in full where the limit is larger.
    expect(trayView(snapshotOf(accounts), settings, 'en', 'linux', 'UTC').tooltip.split('\n')).toHaveLength(6);
  });

  test('Windows: one line too long on its own is cut with an ellipsis', () => {
    const view = trayView(
      snapshotOf([
        main({
          label: 'L'.repeat(64),
          status: 'stale',
          lastFailure: failure,
          forecast: { spendPerDay: 0.01, daysUntilEmpty: 40, daysUntilLow: 9 },
        }),
      ]),
      settings,
      'en',
      'win32',
      'UTC',
    );
    expect(view.tooltip).toHaveLength(127);
    expect(view.tooltip.endsWith('…')).toBe(true);
  });
});

describe('icon and title', () => {
  test.each([
    ['linux', 'ok', 'ok'],
    ['darwin', 'ok', 'okTemplate'],
    ['darwin', 'low', 'low'],
    ['win32', 'critical', 'critical'],
    ['linux', 'stale', 'stale'],
    ['linux', 'paused', 'paused'],
  ] as const)('%s, aggregate %s -> %s', (platform, status, icon) => {
    expect(trayView(snapshotOf([main({ status })]), settings, 'en', platform).icon).toBe(icon);
  });

  test('the icon follows the worst account', () => {
    const view = trayView(
      snapshotOf([main(), main({ id: 'b', status: 'critical', lastReading: reading(100) })]),
      settings,
      'en',
      'linux',
    );
    expect(view.icon).toBe('critical');
  });

  test('macOS title: the balance of the account most in need of attention, in its own currency', () => {
    const snapshot = snapshotOf([
      main(),
      // Lowest raw amount, but fine: not the one to show.
      main({ id: 'b', label: 'Backup', lastReading: reading(4200) }),
      main({ id: 'c', label: 'China', status: 'low', lastReading: { ...reading(98000), currency: 'CNY' } }),
      main({ id: 'd', label: 'New', status: 'critical', lastReading: null }),
    ]);
    expect(plain(trayView(snapshot, settings, 'en', 'darwin').title)).toBe('CNY 980.00');
    expect(trayView(snapshot, { ...settings, showBalanceInMenuBar: false }, 'en', 'darwin').title).toBe('');
    expect(trayView(snapshot, settings, 'en', 'win32').title).toBe('');
    expect(trayView(snapshot, settings, 'en', 'linux').title).toBe('');
  });

  test('macOS title: with every account fine, the first card of the glance (by label), not the lowest', () => {
    const snapshot = snapshotOf([
      main({ label: 'Zeta', lastReading: reading(4200) }),
      main({ id: 'b', label: 'Alpha' }),
    ]);
    expect(plain(trayView(snapshot, settings, 'en', 'darwin').title)).toBe('USD 1,234.56');
  });
});

describe('menu', () => {
  test('accounts with balance and state, then the actions (en)', () => {
    const view = trayView(
      snapshotOf([main(), main({ id: 'b', label: 'Backup', status: 'low', lastReading: reading(9000) })]),
      settings,
      'en',
      'linux',
    );
    expect(labels(view.menu).map(plain)).toEqual([
      'Main: USD 1,234.56 (OK)',
      'Backup: USD 90.00 (Low)',
      '---',
      'Refresh now',
      'Pause for 1 hour',
      '---',
      'Open EIOT Balance…',
      'Start at login',
      '---',
      'Open log folder',
      'Quit',
    ]);
    expect(view.menu[1]).toMatchObject({ action: { type: 'open', view: 'overview', accountId: 'b' } });
  });

  test('zh-CN labels, a paused account offers Resume, and the login checkbox reflects the setting', () => {
    const paused = main({ status: 'paused', pausedUntil: Date.UTC(2026, 0, 5, 15, 5) });
    const view = trayView(snapshotOf([paused]), { ...settings, launchAtLogin: true }, 'zh-CN', 'linux');
    expect(labels(view.menu).map(plain)).toEqual([
      'Main：USD 1,234.56（已暂停）',
      '---',
      '立即刷新',
      '恢复',
      '---',
      '打开 EIOT Balance…',
      '登录时启动',
      '---',
      '打开日志文件夹',
      '退出',
    ]);
    expect(view.menu.find((item) => item.type === 'checkbox')).toMatchObject({
      checked: true,
      action: { type: 'launch-at-login', enable: false },
    });
  });

  test('no account: the menu still exists and offers to add one', () => {
    const view = trayView(snapshotOf([]), settings, 'en', 'linux');
    expect(view.menu[0]).toMatchObject({ label: 'Add an account…', action: { type: 'open', view: 'accounts' } });
    expect(labels(view.menu)).toContain('Quit');
  });
});
