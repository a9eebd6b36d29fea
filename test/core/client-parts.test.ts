// The client's pure pieces: answer parsing, Retry-After, the signed body.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerResult, httpFailure } from '../../src/main/core/client/classify-answer.js';
import { retryAfterMs } from '../../src/main/core/client/retry-after.js';
import { nonceFrom, signedBody } from '../../src/main/core/client/signed-body.js';
import { sign } from '../../src/main/core/signer.js';

const ok = (data: unknown, code: unknown = '200') => JSON.stringify({ code, message: '操作成功', data });

describe('answerResult', () => {
  it('treats a numeric 200 like "200"', () => {
    expect(answerResult(ok({ balance: '1.00', currency: 'USD' }, 200), 7)).toEqual({
      ok: true,
      reading: { currency: 'USD', balance: '1.00', fetchedAt: 7 },
    });
  });

  it('keeps a numeric failure code as its string', () => {
    const result = answerResult(JSON.stringify({ code: 1003, message: '签名错误' }), 0);
    expect(result.ok ? null : result.failure).toMatchObject({ kind: 'api', code: '1003', auth: true });
  });

  it.each([
    ['{"code":"200"}', 'shape'],
    ['[1,2]', 'shape'],
    ['{"code":null}', 'shape'],
    [ok({ balance: 12.5, currency: 'USD' }), 'shape'],
    [ok({ balance: '12.50' }), 'shape'],
    [ok({ balance: '12.50', currency: '' }), 'shape'],
    [ok({ balance: '1'.repeat(41), currency: 'USD' }), 'balance'],
    [ok({ balance: '1e3', currency: 'USD' }), 'balance'],
    [ok({ balance: ' 12.50', currency: 'USD' }), 'balance'],
    [ok({ balance: '', currency: 'USD' }), 'balance'],
    ['{"code":"200",', 'not-json'],
    ['<html></html>', 'not-json'],
    ['  ', 'empty'],
  ])('%s -> invalid-response/%s', (text, reason) => {
    const result = answerResult(text, 0);
    expect(result.ok ? null : result.failure).toMatchObject({ kind: 'invalid-response', reason });
  });

  it.each([
    ['12.505', '12.505'],
    ['7', '7.00'],
    ['0012.5', '12.50'],
    ['90071992547409.92', '90071992547409.92'],
    ['123456789012345678901234.5678', '123456789012345678901234.5678'],
  ])('keeps %s exactly, as %s', (sent, kept) => {
    const result = answerResult(ok({ balance: sent, currency: 'USD' }), 0);
    expect(result.ok && result.reading.balance).toBe(kept);
  });

  it('round-trips every two-decimal amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (cents) => {
        const sign = cents < 0 ? '-' : '';
        const abs = Math.abs(cents);
        const text = `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
        const result = answerResult(ok({ balance: text, currency: 'CNY' }), 0);
        expect(result.ok && result.reading.balance).toBe(cents === 0 ? '0.00' : text);
      }),
    );
  });
});

describe('httpFailure', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
  ])('%i retryable: %s', (status, retryable) => {
    expect(httpFailure(status, undefined, 0)).toMatchObject({ kind: 'http', status, retryable });
  });
});

describe('retryAfterMs', () => {
  const now = Date.UTC(2026, 10, 28, 10, 0, 0);
  it('reads delay-seconds', () => expect(retryAfterMs('120', now)).toBe(120_000));
  it('reads an HTTP-date', () => expect(retryAfterMs('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30_000));
  it('a date in the past means now', () => expect(retryAfterMs('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0));
  it('caps absurd waits at a day', () => expect(retryAfterMs('99999999', now)).toBe(86_400_000));
  it.each([undefined, '', 'soon', '-5', '1.5'])('ignores %s', (value) =>
    expect(retryAfterMs(value, now)).toBeUndefined(),
  );
});

describe('signedBody', () => {
  it('nonces stay in 10000..99999 for any random in [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (random) => {
        const nonce = nonceFrom(random);
        expect(Number.isInteger(nonce) && nonce >= 10_000 && nonce <= 99_999).toBe(true);
      }),
    );
  });

  it('signs every parameter it sends, extras included, and omits the secret', () => {
    const body = JSON.parse(
      signedBody({
        appkey: 'demo-appkey-01',
        secret: 's3cr3t-Demo',
        nowMs: 1_764_300_000_999,
        random: 38_213 / 90_000,
        extraParams: { operator: 5 },
      }),
    ) as Record<string, string | number>;
    // The second vector of eiotclub-api.md.
    expect(body).toEqual({
      operator: 5,
      appkey: 'demo-appkey-01',
      timestamp: 1_764_300_000,
      nonce: 48_213,
      sign: '2A86337CEBCE875F8E46EE691BB434DF36E95F54',
    });
    const { sign: given, ...rest } = body;
    expect(sign(rest, 's3cr3t-Demo')).toBe(given);
  });
});
