import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMoney, parseDecimal } from '../../src/shared/money.js';

describe('parseDecimal', () => {
  it.each([
    ['1234.56', 123456],
    ['0.00', 0],
    ['-0.50', -50],
    ['-0.00', 0],
    ['7', 700],
    ['7.5', 750],
    ['0.01', 1],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('reads %s as %i minor units', (text, minor) => {
    expect(parseDecimal(text)).toBe(minor);
  });

  it.each([
    '',
    ' 1.00',
    '1.00 ',
    '1,000.00',
    '1.234',
    '.5',
    '5.',
    '+1.00',
    '1e3',
    'NaN',
    '0x10',
    '１.００',
    '--1',
    '1.-5',
  ])('rejects %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });

  it('rejects amounts beyond exact integer range', () => {
    expect(parseDecimal('90071992547409.92')).toBeNull();
    expect(parseDecimal('999999999999999.99')).toBeNull();
  });
});

describe('formatDecimal', () => {
  it('writes two decimals and a leading minus', () => {
    expect(formatDecimal(123456)).toBe('1234.56');
    expect(formatDecimal(-50)).toBe('-0.50');
    expect(formatDecimal(5)).toBe('0.05');
  });

  it('refuses a fractional number of minor units', () => {
    expect(() => formatDecimal(1.5)).toThrow(RangeError);
  });

  it('round-trips every safe amount exactly', () => {
    const amount = fc.integer({ min: -(10 ** 15), max: 10 ** 15 });
    fc.assert(
      fc.property(amount, (minor) => {
        expect(parseDecimal(formatDecimal(minor))).toBe(minor);
      }),
    );
  });
});

describe('formatMoney', () => {
  it('groups digits per locale without float rounding', () => {
    expect(formatMoney(123456, 'USD', 'en').replace(/\s/g, ' ')).toBe('USD 1,234.56');
    // 2^53 + a little would be misprinted through a float; as a decimal string it is exact.
    expect(formatMoney(9007199254740991, 'USD', 'en')).toContain('90,071,992,547,409.91');
  });

  it('shows the code with an amount for a currency Intl does not know', () => {
    expect(formatMoney(-150, 'XX1', 'en')).toBe('XX1 -1.50');
  });
});
