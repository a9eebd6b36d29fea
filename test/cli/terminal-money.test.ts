// The terminal's money text: Intl's own output for every CLI language, without Intl.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intlLocale } from '../../src/main/cli/locale.js';
import { money } from '../../src/main/cli/format.js';
import { LOCALES } from '../../src/shared/i18n/index.js';
import { formatMoney } from '../../src/shared/money.js';

const AMOUNTS = [
  '0',
  '7',
  '-0.00',
  '0.001',
  '12.345',
  '999.99',
  '1000',
  '-1234567.5',
  '007.50',
  '123456789012345678.91',
  '12345678901234567890.12345678901234567890',
  'not a number',
  '1e5',
];
const CURRENCIES = ['USD', 'usd', 'CNY', 'JPY', 'KWD', 'XYZ', 'US$', '', ' USD', 'EURO', 'ÜSD'];

/** A seeded generator, so a failure names an amount that can be tried again. */
function* randomAmounts(count: number): Generator<string> {
  let seed = 13;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  for (let i = 0; i < count; i += 1) {
    const whole = String(next()).slice(0, 1 + (next() % 10));
    const fraction = String(next()).slice(0, next() % 6);
    const sign = next() % 3 === 0 ? '-' : '';
    yield fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
  }
}

afterEach(() => vi.restoreAllMocks());

describe('money on a terminal', () => {
  it.each(LOCALES)('reads exactly as Intl writes it in %s (no-break spaces made plain)', (locale) => {
    for (const amount of [...AMOUNTS, ...randomAmounts(300)]) {
      for (const currency of CURRENCIES) {
        const intl = formatMoney(amount, currency, intlLocale(locale)).replace(/[\u00a0\u202f]/g, ' ');
        expect(money(amount, currency, locale), `${amount} ${currency}`).toBe(intl);
      }
    }
  });

  // The first Intl formatter of a process initialises ICU: about a tenth of a one-shot check.
  it('does not construct an Intl formatter', () => {
    const numberFormat = vi.spyOn(Intl, 'NumberFormat').mockImplementation(() => {
      throw new Error('Intl.NumberFormat constructed');
    });
    for (const locale of LOCALES) {
      expect(money('-1234.5', 'usd', locale)).toBe('-USD 1,234.50');
      expect(money('1234.5', 'US$', locale)).toBe('US$ 1,234.50');
    }
    expect(numberFormat).not.toHaveBeenCalled();
  });
});
