import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addAmounts,
  canonicalAmount,
  compareAmounts,
  formatAmount,
  formatMoney,
  multiplyAmounts,
  parseAmount,
  subtractAmounts,
} from '../../src/shared/money.js';

/** Any decimal the API could send: up to 25 whole digits and 0..6 decimals, either sign. */
const decimalText = fc
  .tuple(
    fc.boolean(),
    fc.bigInt({ min: 0n, max: 10n ** 25n }),
    fc.integer({ min: 0, max: 6 }),
    fc.bigInt({ min: 0n, max: 999_999n }),
  )
  .map(([negative, whole, scale, fraction]) => {
    const digits = scale === 0 ? '' : `.${(fraction % 10n ** BigInt(scale)).toString().padStart(scale, '0')}`;
    return `${negative ? '-' : ''}${whole}${digits}`;
  });

/** The exact rational value as a pair, for checking comparisons without the module's own code. */
function value(text: string): { n: bigint; d: bigint } {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const n = BigInt(`${whole}${fraction}`) * (text.startsWith('-') ? -1n : 1n);
  return { n, d: 10n ** BigInt(fraction.length) };
}

describe('parseAmount / canonicalAmount', () => {
  it.each([
    ['1234.56', '1234.56'],
    ['0.00', '0.00'],
    ['-0.50', '-0.50'],
    ['-0.00', '0.00'],
    ['7', '7.00'],
    ['7.5', '7.50'],
    ['0.125', '0.125'],
    ['007.10', '7.10'],
    ['90071992547409.92', '90071992547409.92'],
    ['123456789012345678901234567890.123', '123456789012345678901234567890.123'],
  ])('keeps %s as %s', (text, canonical) => {
    expect(canonicalAmount(text)).toBe(canonical);
  });

  it.each(['', ' 1.00', '1.00 ', '1,000.00', '.5', '5.', '+1.00', '1e3', 'NaN', '0x10', '１.００', '--1', '1.-5'])(
    'rejects %j',
    (text) => {
      expect(parseAmount(text)).toBeNull();
    },
  );

  it('refuses absurd lengths (a hostile answer must cost nothing)', () => {
    expect(parseAmount('1'.repeat(41))).toBeNull();
    expect(parseAmount(`1.${'0'.repeat(21)}`)).toBeNull();
    expect(parseAmount('1'.repeat(40))).not.toBeNull();
  });

  it('round-trips every decimal exactly, keeping every decimal sent', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const canonical = canonicalAmount(text) as string;
        expect(compareAmounts(canonical, text)).toBe(0);
        const sentScale = text.split('.')[1]?.length ?? 0;
        expect(canonical.split('.')[1]?.length).toBe(Math.max(2, sentScale));
      }),
    );
  });
});

describe('exact arithmetic', () => {
  it('compares like the rationals do, whatever the scales', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const x = value(a);
        const y = value(b);
        const left = x.n * y.d;
        const right = y.n * x.d;
        expect(compareAmounts(a, b)).toBe(left < right ? -1 : left > right ? 1 : 0);
      }),
    );
  });

  it('subtracts and adds back to the same amount', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        expect(compareAmounts(addAmounts(subtractAmounts(a, b), b), a)).toBe(0);
      }),
    );
  });

  it('tells apart amounts one cent apart beyond 2^53 cents, where doubles cannot', () => {
    expect(Number('100000000000000000.01')).toBe(Number('100000000000000000.00'));
    expect(compareAmounts('100000000000000000.01', '100000000000000000.00')).toBe(1);
    expect(compareAmounts('90071992547409.93', '90071992547409.92')).toBe(1);
    expect(subtractAmounts('90071992547409.93', '90071992547409.92')).toBe('0.01');
  });

  it('multiplies exactly', () => {
    expect(multiplyAmounts('100.00', '0.05')).toBe('5.0000');
    expect(multiplyAmounts('-0.125', '3')).toBe('-0.375');
  });

  it('formats a decimal with at least the scale asked for', () => {
    expect(formatAmount({ digits: -5n, scale: 2 })).toBe('-0.05');
    expect(formatAmount({ digits: 7n, scale: 0 }, 2)).toBe('7.00');
  });
});

describe('formatMoney', () => {
  it('groups digits per locale without float rounding', () => {
    expect(formatMoney('1234.56', 'USD', 'en').replace(/\s/g, ' ')).toBe('USD 1,234.56');
    // 2^53 cents and more would be misprinted through a float; as a decimal string it is exact.
    expect(formatMoney('90071992547409.93', 'USD', 'en')).toContain('90,071,992,547,409.93');
    expect(formatMoney('123456789012345678901.99', 'USD', 'en')).toContain('123,456,789,012,345,678,901.99');
  });

  it('shows every decimal that was sent, and at least two', () => {
    expect(formatMoney('12.345', 'USD', 'en')).toContain('12.345');
    expect(formatMoney('12', 'USD', 'en')).toContain('12.00');
    expect(formatMoney('0.12345678', 'CNY', 'zh-CN')).toContain('0.12345678');
  });

  it('shows the code with an amount for a currency Intl does not know', () => {
    expect(formatMoney('-1.50', 'XX1', 'en')).toBe('XX1 -1.50');
  });
});
