// A rejected timestamp usually means the computer's clock is wrong: the client compares the
// server's Date header with its own clock and the failure carries the offset, which the
// failure text turns into "your computer's clock is N minutes off".
import { afterEach, describe, expect, it } from 'vitest';
import { clockOffsetMs } from '../../src/main/core/client/clock-skew.js';
import { createBalanceClient } from '../../src/main/core/client/index.js';
import { describeFailure } from '../../src/shared/failure-text.js';
import { translator } from '../../src/shared/i18n/index.js';
import type { FetchFailure } from '../../src/shared/types.js';
import { TEST_ACCOUNT, accountFor, startTestSimulator, stopTestSimulators } from '../helpers/simulator.js';

const NOW = Date.UTC(2026, 11, 5, 14, 12, 0);
const clients: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await stopTestSimulators();
});

async function failureWithServerAt(serverNow: number, secret: string = TEST_ACCOUNT.secret): Promise<FetchFailure> {
  const simulator = await startTestSimulator({ clock: { now: () => serverNow } });
  const client = createBalanceClient({ version: '1', env: {}, clock: { now: () => NOW } });
  clients.push(client);
  const result = await client.fetchBalance(accountFor(simulator), secret);
  if (result.ok) throw new Error('expected a failure');
  return result.failure;
}

describe('clockOffsetMs', () => {
  it('is the local clock minus the server Date header: positive when this computer is ahead', () => {
    expect(clockOffsetMs('Sat, 05 Dec 2026 14:00:00 GMT', NOW)).toBe(12 * 60_000);
    expect(clockOffsetMs('Sat, 05 Dec 2026 14:20:30 GMT', NOW)).toBe(-(8 * 60_000 + 30_000));
    expect(clockOffsetMs(['Sat, 05 Dec 2026 14:12:00 GMT'], NOW)).toBe(0);
  });

  it('is unknown without a usable Date header', () => {
    expect(clockOffsetMs(undefined, NOW)).toBeUndefined();
    expect(clockOffsetMs('yesterday-ish', NOW)).toBeUndefined();
    expect(clockOffsetMs('', NOW)).toBeUndefined();
  });
});

describe('a timestamp the platform rejects', () => {
  it("carries the offset from the server's Date header", async () => {
    const failure = await failureWithServerAt(NOW - 12 * 60_000);
    expect(failure).toMatchObject({ kind: 'api', clockOffsetMs: 12 * 60_000 });
  });

  it('says in both languages how far off the clock is', async () => {
    const ahead = await failureWithServerAt(NOW - 12 * 60_000);
    const behind = await failureWithServerAt(NOW + 60_000 * 60);
    expect(describeFailure(ahead, translator('en'))).toMatch(/your computer's clock is 12 minutes off \(ahead/i);
    expect(describeFailure(behind, translator('en'))).toMatch(/your computer's clock is 60 minutes off \(behind/i);
    expect(describeFailure(ahead, translator('zh-CN'))).toContain('12 分钟');
    expect(describeFailure({ ...ahead, clockOffsetMs: 61_000 }, translator('en'))).toMatch(/is 1 minute off/);
  });

  it('carries no offset for other refusals', async () => {
    const failure = await failureWithServerAt(NOW, 'not-the-secret');
    expect(failure.kind).toBe('api');
    expect(failure.clockOffsetMs).toBeUndefined();
  });
});
