import { beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeNotification, resetElectron } from '../fakes/electron.js';
import { createNotifications } from '../../src/main/shell/notifications.js';
import { DEFAULT_SETTINGS, type AppSettings, type Notice } from '../../src/shared/types.js';
import type { Locale } from '../../src/shared/i18n/index.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

beforeEach(resetElectron);

const low: Notice = {
  accountId: 'a',
  label: 'Main',
  kind: 'low',
  at: 1,
  balance: '90.00',
  currency: 'USD',
  threshold: '100.00',
};
const critical: Notice = { ...low, kind: 'critical', balance: '40.00', threshold: '50.00' };
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function setup(over: Partial<AppSettings> = {}, locale: Locale = 'en') {
  const settings = { ...DEFAULT_SETTINGS, ...over };
  const clicked: string[] = [];
  const notifications = createNotifications({
    settings: () => settings,
    locale: () => locale,
    onClick: (id) => clicked.push(id),
  });
  return { notifications, clicked };
}

describe('notifications', () => {
  test('a notice becomes a shown native notification with localized text', () => {
    setup().notifications.show(low);
    const [shown] = FakeNotification.instances;
    expect(shown?.shown).toBe(true);
    expect(shown?.title).toBe('Main: balance low');
    expect(plain(shown?.body ?? '')).toBe('Balance USD 90.00 is below your low threshold of USD 100.00.');
  });

  test('Simplified Chinese', () => {
    setup({}, 'zh-CN').notifications.show(critical);
    expect(FakeNotification.instances[0]?.title).toBe('Main：余额告急');
    expect(plain(FakeNotification.instances[0]?.body ?? '')).toBe(
      '余额 USD 40.00 已低于紧急线 USD 50.00，订单可能很快无法提交。',
    );
  });

  test('a newer notice for the same account replaces the older; other accounts keep theirs', () => {
    const { notifications } = setup();
    notifications.show(low);
    notifications.show({ ...low, accountId: 'b', label: 'Backup' });
    notifications.show(critical);
    const [first, other, second] = FakeNotification.instances;
    expect(first?.closed).toBe(true);
    expect(other?.closed).toBe(false);
    expect(second?.closed).toBe(false);
    expect(FakeNotification.instances).toHaveLength(3);
  });

  test('clicking opens that account', () => {
    const { notifications, clicked } = setup();
    notifications.show(critical);
    FakeNotification.instances[0]?.emit('click', {});
    expect(clicked).toEqual(['a']);
  });

  test('error notices carry the failure in words', () => {
    setup().notifications.show({
      accountId: 'a',
      label: 'Main',
      kind: 'error',
      at: 1,
      failure: { kind: 'http', status: 502, retryable: true, message: 'Bad Gateway', at: 1 },
    });
    expect(FakeNotification.instances[0]?.body).toBe('Could not read the balance: HTTP 502 from the server');
  });

  test('nothing when the setting is off, or the platform has no notifications', () => {
    setup({ notifications: false }).notifications.show(low);
    FakeNotification.supported = false;
    setup().notifications.show(low);
    expect(FakeNotification.instances).toHaveLength(0);
  });

  test('dispose withdraws what is still shown', () => {
    const { notifications } = setup();
    notifications.show(low);
    notifications.dispose();
    expect(FakeNotification.instances[0]?.closed).toBe(true);
  });
});
