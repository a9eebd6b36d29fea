// One wording for a notice: the CLI line carries exactly the title and body the desktop
// notification shows (typeset for a terminal), for every kind of notice.
import { describe, expect, it } from 'vitest';
import { noticeLine } from '../../src/main/cli/notice-text.js';
import { translator } from '../../src/shared/i18n/index.js';
import { noticeText } from '../../src/shared/notice-text.js';
import type { Notice } from '../../src/shared/types.js';

const base = { accountId: 'a', label: 'Shop', at: Date.UTC(2026, 0, 5), currency: 'USD', balance: '45.50' };
const notices: Notice[] = [
  { ...base, kind: 'low', threshold: '100.00' },
  { ...base, kind: 'critical', threshold: '50.00' },
  { ...base, kind: 'recovered', threshold: '100.00' },
  { ...base, kind: 'top-up' },
  { ...base, kind: 'forecast', days: 2.6 },
  { ...base, kind: 'error-recovered' },
  {
    accountId: 'a',
    label: 'Shop',
    at: base.at,
    kind: 'error',
    failure: { kind: 'http', status: 503, retryable: true, message: 'down', at: base.at },
  },
];

describe('notice text', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`is the same on the desktop and in the CLI (${locale})`, () => {
      const t = translator(locale);
      for (const notice of notices) {
        const { title, body } = noticeText(notice, t, locale);
        const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s*\n\s*/g, ' ');
        expect(noticeLine(t, locale, notice)).toBe(t('cli.notice', { title: plain(title), body: plain(body) }));
      }
    });
  }
});

describe('forecast notice', () => {
  const forecast = (days: number): Notice => ({ ...base, kind: 'forecast', days });
  const body = (days: number, locale: 'en' | 'zh-CN' = 'en') =>
    noticeText(forecast(days), translator(locale), locale).body;

  it('counts days the way English does', () => {
    expect(body(1)).toBe('At the current rate the balance lasts about 1 more day.');
    expect(body(1.4)).toBe('At the current rate the balance lasts about 1 more day.');
    expect(body(2.6)).toBe('At the current rate the balance lasts about 3 more days.');
    expect(body(1234)).toBe('At the current rate the balance lasts about 1,234 more days.');
  });

  it('never says "about 0 more days"', () => {
    expect(body(0.4)).toBe('At the current rate the balance runs out within a day.');
    expect(body(0)).toBe('At the current rate the balance runs out within a day.');
    expect(body(0.4, 'zh-CN')).toBe('按当前消耗速度，余额一天之内就会用完。');
  });

  it('has one form in Chinese', () => {
    expect(body(1, 'zh-CN')).toBe('按当前消耗速度，余额约还能用 1 天。');
    expect(body(7, 'zh-CN')).toBe('按当前消耗速度，余额约还能用 7 天。');
  });
});
