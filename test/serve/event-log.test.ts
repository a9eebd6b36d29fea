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
