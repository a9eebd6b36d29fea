// describeFailure: one actionable line per failure, in both languages, with no placeholder left.
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/shared/failure-text.js';
import { LOCALES, translator } from '../../src/shared/i18n/index.js';
import type { FetchFailure, InvalidReason, NetworkReason } from '../../src/shared/types.js';

const en = translator('en');
const zh = translator('zh-CN');
const base = { retryable: true, message: '', at: 0 };

const networkReasons: NetworkReason[] = [
  'timeout-connect',
  'timeout-headers',
  'timeout-body',
  'deadline',
  'aborted',
  'refused',
  'reset',
  'dns',
  'tls',
  'other',
];
const invalidReasons: InvalidReason[] = ['not-json', 'shape', 'balance', 'too-large', 'empty'];

const all: FetchFailure[] = [
  { ...base, kind: 'api', code: '1003', message: '签名错误', auth: true },
  { ...base, kind: 'api', code: '5000', message: '系统繁忙' },
  { ...base, kind: 'http', status: 502 },
  { ...base, kind: 'http', status: 429, retryAfterMs: 7000 },
  ...networkReasons.map((reason): FetchFailure => ({
    ...base,
    kind: 'network',
    reason,
    message: 'network error (EHOSTUNREACH)',
  })),
  ...invalidReasons.map((reason): FetchFailure => ({ ...base, kind: 'invalid-response', reason })),
];

describe('describeFailure', () => {
  it('shows the platform code and message verbatim', () => {
    expect(describeFailure(all[1]!, en)).toBe('The platform refused the request: 5000 系统繁忙');
    expect(describeFailure(all[1]!, zh)).toBe('平台拒绝了请求：5000 系统繁忙');
  });

  it('tells the user to check credentials on an auth failure', () => {
    expect(describeFailure(all[0]!, en)).toBe(
      'The platform rejected the credentials: 1003 签名错误. Check the appkey and secret.',
    );
    expect(describeFailure(all[0]!, zh)).toContain('请检查 appkey 和密钥');
  });

  it('names the HTTP status and the wait the server asked for', () => {
    expect(describeFailure(all[2]!, en)).toBe('HTTP 502 from the server');
    expect(describeFailure(all[3]!, en)).toBe('HTTP 429 from the server: too many requests (try again in 7 s)');
    expect(describeFailure(all[3]!, zh)).toContain('7 秒后重试');
  });

  it('says which timeout and which invalid answer', () => {
    expect(describeFailure({ ...base, kind: 'network', reason: 'timeout-connect' }, en)).toBe(
      'Timed out waiting for the server (connect)',
    );
    expect(describeFailure({ ...base, kind: 'invalid-response', reason: 'not-json' }, en)).toBe(
      "The server's answer was not valid JSON",
    );
    expect(
      describeFailure({ ...base, kind: 'network', reason: 'other', message: 'network error (EHOSTUNREACH)' }, en),
    ).toContain('EHOSTUNREACH');
  });

  it.each(LOCALES)('every failure has its own complete line in %s', (locale) => {
    const t = translator(locale);
    const lines = all.map((failure) => describeFailure(failure, t));
    for (const line of lines) {
      expect(line).not.toMatch(/\{\w+\}|failure\./);
      expect(line.length).toBeGreaterThan(3);
    }
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('Chinese lines are actually Chinese', () => {
    for (const failure of all) expect(describeFailure(failure, zh)).toMatch(/[\u4e00-\u9fff]/);
  });
});
