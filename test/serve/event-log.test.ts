// The events serve logs, on a fake engine: one poll-failed per new failure (not per
// snapshot), state changes with from/to, notices with their figures, and the clock offset.
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../src/shared/types.js';
import { logEngineEvents } from '../../src/main/serve/event-log.js';
import { FakeEngine, account } from './fake-engine.js';

function recorder() {
  const lines: Array<{ level: 'info' | 'warn'; fields: Record<string, unknown>; message: string }> = [];
  return {
    lines,
    info: (fields: Record<string, unknown>, message: string) => void lines.push({ level: 'info', fields, message }),
    warn: (fields: Record<string, unknown>, message: string) => void lines.push({ level: 'warn', fields, message }),
  };
}

class NoticeEngine extends FakeEngine {
  private noticeListener: ((notice: Notice) => void) | null = null;
  override onNotice = (listener: (notice: Notice) => void): (() => void) => {
    this.noticeListener = listener;
    return () => (this.noticeListener = null);
  };
  notify(notice: Notice): void {
    this.noticeListener?.(notice);
  }
}

describe('serve event log', () => {
  it('logs a failure once, then the state change, with the clock offset when there is one', () => {
    const engine = new NoticeEngine([account({ id: 'a', label: 'A', status: 'ok' })]);
    const log = recorder();
    logEngineEvents(engine, log);
    const failure = {
      kind: 'api' as const,
      code: '403',
      message: '时间戳已过期',
      retryable: true,
      at: 5,
      clockOffsetMs: 720_000,
    };
    const failing = account({ id: 'a', label: 'A', status: 'error', lastFailure: failure, failureStreak: 1 });
    engine.emit([failing]);
    engine.emit([failing]);
    expect(log.lines.map((line) => line.fields.event)).toEqual(['poll-failed', 'state-change']);
    expect(log.lines[0]).toMatchObject({
      level: 'warn',
      fields: { account: 'A', accountId: 'a', kind: 'api', code: '403', clockOffsetSec: 720, failureStreak: 1 },
    });
    expect(log.lines[0]?.message).toMatch(/clock is 12 minutes off/);
    expect(log.lines[1]?.fields).toMatchObject({ from: 'ok', to: 'error' });
  });

  it('logs a failure that repeats on its 1st, 2nd, 4th, 8th... poll, a different one at once, and the recovery', () => {
    const engine = new NoticeEngine([account({ id: 'a', label: 'A', status: 'ok' })]);
    const log = recorder();
    logEngineEvents(engine, log);
    const timeout = {
      kind: 'network' as const,
      reason: 'timeout-connect' as const,
      message: 'timed out',
      retryable: true,
    };
    for (let streak = 1; streak <= 9; streak++) {
      engine.emit([
        account({
          id: 'a',
          label: 'A',
          status: 'error',
          lastFailure: { ...timeout, at: streak },
          failureStreak: streak,
        }),
      ]);
    }
    const failed = () => log.lines.filter((line) => line.fields.event === 'poll-failed');
    expect(failed().map((line) => line.fields.failureStreak)).toEqual([1, 2, 4, 8]);

    // Another cause is news, whatever the count.
    const refused = { kind: 'api' as const, code: '1003', message: '签名错误', retryable: false, auth: true, at: 10 };
    engine.emit([account({ id: 'a', label: 'A', status: 'error', lastFailure: refused, failureStreak: 10 })]);
    expect(failed().map((line) => [line.fields.failureStreak, line.fields.kind])).toEqual([
      [1, 'network'],
      [2, 'network'],
      [4, 'network'],
      [8, 'network'],
      [10, 'api'],
    ]);

    const reading = { currency: 'USD', balance: '10.00', fetchedAt: 11 };
    engine.emit([
      account({ id: 'a', label: 'A', status: 'ok', lastFailure: refused, failureStreak: 0, lastReading: reading }),
    ]);
    const recovered = log.lines.filter((line) => line.fields.event === 'poll-recovered');
    expect(recovered).toEqual([
      {
        level: 'info',
        fields: { event: 'poll-recovered', account: 'A', accountId: 'a', failedPolls: 10 },
        message: 'A: read again after 10 failed polls',
      },
    ]);

    // A new run of failures starts over at its first.
    engine.emit([
      account({
        id: 'a',
        label: 'A',
        status: 'ok',
        lastFailure: { ...timeout, at: 20 },
        failureStreak: 1,
        lastReading: reading,
      }),
    ]);
    expect(failed().at(-1)?.fields).toMatchObject({ failureStreak: 1, kind: 'network' });

    // Disabled while failing: the streak ends without a reading, which is no recovery.
    engine.emit([account({ id: 'a', label: 'A', status: 'ok', enabled: false, lastReading: reading })]);
    expect(log.lines.filter((line) => line.fields.event === 'poll-recovered')).toHaveLength(1);
  });

  it('logs the 4th failure in a row even when the snapshot that would show it was skipped', () => {
    const engine = new NoticeEngine([account({ id: 'a', label: 'A', status: 'ok' })]);
    const log = recorder();
    logEngineEvents(engine, log);
    const timeout = { kind: 'network' as const, reason: 'timeout-connect' as const, message: 'x', retryable: true };
    for (const streak of [1, 2, 3, 5, 6, 7, 9]) {
      engine.emit([account({ id: 'a', label: 'A', lastFailure: { ...timeout, at: streak }, failureStreak: streak })]);
    }
    const failed = log.lines.filter((line) => line.fields.event === 'poll-failed');
    expect(failed.map((line) => line.fields.failureStreak)).toEqual([1, 2, 5, 9]);
  });

  it('forgets a removed account: added again, it starts afresh', () => {
    const failing = account({
      id: 'a',
      label: 'A',
      lastFailure: { kind: 'http', status: 502, message: 'bad gateway', retryable: true, at: 1 },
      failureStreak: 3,
    });
    const engine = new NoticeEngine([failing]);
    const log = recorder();
    logEngineEvents(engine, log);
    engine.emit([]);
    const reading = { currency: 'USD', balance: '10.00', fetchedAt: 2 };
    engine.emit([account({ id: 'a', label: 'A', status: 'ok', lastReading: reading })]);
    expect(log.lines.map((line) => line.fields.event)).toEqual([]);
  });

  it('logs notices, serious ones as warnings', () => {
    const engine = new NoticeEngine([account({ id: 'a', label: 'A' })]);
    const log = recorder();
    const stop = logEngineEvents(engine, log);
    engine.notify({
      accountId: 'a',
      label: 'A',
      kind: 'critical',
      at: 1,
      balance: '5.00',
      currency: 'USD',
      threshold: '10.00',
    });
    engine.notify({ accountId: 'a', label: 'A', kind: 'top-up', at: 2, balance: '50.00', currency: 'USD' });
    stop();
    engine.notify({ accountId: 'a', label: 'A', kind: 'low', at: 3 });
    expect(log.lines.map((line) => [line.level, line.fields.kind])).toEqual([
      ['warn', 'critical'],
      ['info', 'top-up'],
    ]);
    expect(log.lines[0]?.fields).toMatchObject({ event: 'notice', balance: '5.00', threshold: '10.00' });
  });
});
