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
