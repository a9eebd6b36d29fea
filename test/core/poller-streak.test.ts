// The poller hands each result over with the failure streak it makes, so the alert rules
// never read it back out of the poller (where a later poll could already have changed it).
import { describe, expect, it } from 'vitest';
import { createPoller } from '../../src/main/core/poller.js';
import type { FetchResult } from '../../src/shared/types.js';
import { FakeTime, settle } from '../helpers/fake-time.js';

describe('the failure streak', () => {
  it('comes with each result: 1, 2, 3 while failing, 0 after a success', async () => {
    const time = new FakeTime();
    const answers: FetchResult[] = [0, 1, 2].map(() => ({
      ok: false,
      failure: { kind: 'http', status: 503, retryable: true, message: 'down', at: time.now() },
    }));
    answers.push({ ok: true, reading: { currency: 'USD', balance: '1.00', fetchedAt: 0 } });
    const seen: number[] = [];
    const poller = createPoller({
      clock: time,
      timers: time,
      random: () => 0.5,
      intervalMs: 300_000,
      poll: async () => answers.shift() ?? answers[0]!,
      onResult: (_result, streak) => seen.push(streak),
    });
    poller.start();
    for (let i = 0; i < 4; i++) {
      await time.fireNext();
      await settle();
    }
    expect(seen).toEqual([1, 2, 3, 0]);
    await poller.stop();
  });
});
