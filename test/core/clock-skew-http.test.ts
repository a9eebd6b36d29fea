// An HTTP-level refusal carries no message naming the time: the offset is attached only to
// a 401/403, and only when the clocks are at least five minutes apart.
import { describe, expect, it } from 'vitest';
import { HTTP_REFUSAL_SKEW_MS, withClockOffset } from '../../src/main/core/client/clock-skew.js';
import { describeFailure } from '../../src/shared/failure-text.js';
import { translator } from '../../src/shared/i18n/index.js';
import type { FetchFailure, FetchResult } from '../../src/shared/types.js';

const NOW = Date.UTC(2026, 11, 5, 14, 12, 0);
const serverDate = (offsetMs: number): string => new Date(NOW - offsetMs).toUTCString();
const http = (status: number): FetchResult => ({
  ok: false,
  failure: { kind: 'http', status, retryable: status >= 500, message: `HTTP ${status}`, at: NOW },
});
const offsetOf = (result: FetchResult): number | undefined => (result.ok ? undefined : result.failure.clockOffsetMs);

describe('withClockOffset on an HTTP refusal', () => {
  it.each([401, 403])('HTTP %i with the clocks 12 minutes apart carries the offset', (status) => {
    expect(offsetOf(withClockOffset(http(status), serverDate(12 * 60_000), NOW))).toBe(12 * 60_000);
    expect(offsetOf(withClockOffset(http(status), serverDate(-HTTP_REFUSAL_SKEW_MS), NOW))).toBe(-HTTP_REFUSAL_SKEW_MS);
  });

  it('not under five minutes, not without a Date, not for other statuses', () => {
    expect(offsetOf(withClockOffset(http(403), serverDate(HTTP_REFUSAL_SKEW_MS - 1_000), NOW))).toBeUndefined();
    expect(offsetOf(withClockOffset(http(403), undefined, NOW))).toBeUndefined();
    for (const status of [400, 404, 429, 500, 503]) {
      expect(offsetOf(withClockOffset(http(status), serverDate(60 * 60_000), NOW))).toBeUndefined();
    }
  });
});

describe('the text of an HTTP refusal with a clock offset', () => {
  const failure: FetchFailure = { kind: 'http', status: 403, retryable: false, message: 'HTTP 403', at: NOW };
  it('names the status, the minutes and the direction, in both languages', () => {
    const en = describeFailure({ ...failure, clockOffsetMs: -7 * 60_000 }, translator('en'));
    expect(en).toMatch(/^HTTP 403 .*clock is 7 minutes off \(behind the server's\)/);
    const zh = describeFailure({ ...failure, clockOffsetMs: 61_000 }, translator('zh-CN'));
    expect(zh).toMatch(/HTTP 403.*偏差 1 分钟（比服务器快）/);
    expect(describeFailure(failure, translator('en'))).toBe('HTTP 403 from the server');
  });
});
