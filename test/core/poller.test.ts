import { describe, expect, it } from 'vitest';
import { createPoller, type PollerOptions } from '../../src/main/core/poller.js';
import type { FetchFailure, FetchResult } from '../../src/shared/types.js';
import { FakeTime, settle } from '../helpers/fake-time.js';

const MIN = 60_000;

function ok(time: FakeTime, balance = '100.00'): FetchResult {
  return {
    ok: true,
    reading: { currency: 'USD', balance, fetchedAt: time.now() },
  };
}

function fail(time: FakeTime, extra: Partial<FetchFailure> = {}): FetchResult {
  return {
    ok: false,
    failure: { kind: 'http', status: 503, retryable: true, message: 'down', at: time.now(), ...extra },
  };
}

/** A poller whose poll answers with `answer` (a function of the call number), recording calls. */
function setup(
  answer: (call: number, time: FakeTime) => FetchResult | Promise<FetchResult>,
  extra: Partial<PollerOptions> = {},
) {
  const time = new FakeTime();
  const calls: number[] = [];
  const results: FetchResult[] = [];
  const signals: AbortSignal[] = [];
  const poller = createPoller({
    clock: time,
    timers: time,
    random: () => 0.5,
    intervalMs: 5 * MIN,
    poll: async (signal) => {
      calls.push(time.now());
      signals.push(signal);
      return answer(calls.length, time);
    },
    onResult: (result) => results.push(result),
    ...extra,
  });
  return { time, calls, results, signals, poller };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('poller: the loop', () => {
  it('polls at start, then every interval', async () => {
    const { time, calls, poller } = setup((_, t) => ok(t));
    const t0 = time.now();
    poller.start();
    await time.advance(0);
    expect(calls).toEqual([t0]);
    await time.advance(5 * MIN - 1);
    expect(calls).toHaveLength(1);
    await time.advance(1);
    expect(calls).toEqual([t0, t0 + 5 * MIN]);
    expect(poller.state()).toMatchObject({ nextAt: t0 + 10 * MIN, reason: 'interval', failureStreak: 0 });
  });

  it('applies jitter from the injected random source', async () => {
    const { time, calls, poller } = setup((_, t) => ok(t), { random: () => 0 });
    const t0 = time.now();
    poller.start();
    await time.advance(4.5 * MIN);
    expect(calls).toEqual([t0, t0 + 4.5 * MIN]);
  });

  it('backs off 30 s, 60 s after failures and resets on success', async () => {
    const { time, calls, poller, results } = setup((n, t) => (n <= 2 ? fail(t) : ok(t)));
    const t0 = time.now();
    poller.start();
    await time.advance(0);
    expect(poller.state()).toMatchObject({ failureStreak: 1, nextAt: t0 + 30_000, reason: 'backoff' });
    await time.advance(30_000);
    expect(poller.state()).toMatchObject({ failureStreak: 2, nextAt: t0 + 90_000 });
    await time.advance(60_000);
    expect(calls).toEqual([t0, t0 + 30_000, t0 + 90_000]);
    expect(poller.state()).toMatchObject({ failureStreak: 0, lastSuccessAt: t0 + 90_000, reason: 'interval' });
    expect(results.map((r) => r.ok)).toEqual([false, false, true]);
  });

  it('waits for the server Retry-After', async () => {
    const { time, calls, poller } = setup((n, t) =>
      n === 1 ? fail(t, { status: 429, retryAfterMs: 200_000 }) : ok(t),
    );
    const t0 = time.now();
    poller.start();
    await time.advance(199_999);
    expect(calls).toHaveLength(1);
    await time.advance(1);
    expect(calls).toEqual([t0, t0 + 200_000]);
  });

  it('honours a Retry-After longer than a Node timer can wait', async () => {
    const days30 = 30 * 24 * 60 * MIN;
    const { time, calls, poller } = setup((n, t) => (n === 1 ? fail(t, { status: 429, retryAfterMs: days30 }) : ok(t)));
    const t0 = time.now();
    poller.start();
    await time.advance(days30 - 1);
    expect(calls).toHaveLength(1);
    await time.advance(1);
    expect(calls).toEqual([t0, t0 + days30]);
  });

  it('keeps polling when the result listener throws', async () => {
    const errors: unknown[] = [];
    const time = new FakeTime();
    let calls = 0;
    const poller = createPoller({
      clock: time,
      timers: time,
      random: () => 0.5,
      intervalMs: 5 * MIN,
      poll: async () => {
        calls += 1;
        return ok(time);
      },
      onResult: () => {
        throw new Error('listener bug');
      },
      onError: (error) => errors.push(error),
    });
    poller.start();
    await time.advance(10 * MIN);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(3);
  });

  it('never has two polls in flight: refresh joins the one running', async () => {
    const gate = deferred<FetchResult>();
    const { time, calls, poller, results } = setup(() => gate.promise);
    poller.start();
    await time.advance(0);
    expect(poller.state().inFlight).toBe(true);
    const a = poller.refresh();
    const b = poller.refresh();
    await time.advance(10 * MIN);
    expect(calls).toHaveLength(1);
    gate.resolve(ok(time));
    await Promise.all([a, b]);
    expect(results).toHaveLength(1);
    expect(poller.state().inFlight).toBe(false);
  });

  it('ignores refresh within 5 s of a success, polls after', async () => {
    const { time, calls, poller } = setup((_, t) => ok(t));
    poller.start();
    await time.advance(4_999);
    await poller.refresh();
    expect(calls).toHaveLength(1);
    await time.advance(1);
    await poller.refresh();
    expect(calls).toHaveLength(2);
    // The refresh restarted the interval.
    expect(poller.state().nextAt).toBe(time.now() + 5 * MIN);
  });

  it('refresh after a failure polls at once', async () => {
    const { time, calls, poller } = setup((n, t) => (n === 1 ? fail(t) : ok(t)));
    poller.start();
    await time.advance(1_000);
    await poller.refresh();
    expect(calls).toHaveLength(2);
    expect(poller.state().failureStreak).toBe(0);
  });

  it('reports a poll that throws as a network failure without its message', async () => {
    const { time, poller, results } = setup(() => {
      throw new Error('secret=hunter2');
    });
    poller.start();
    await time.advance(0);
    const [result] = results;
    expect(result?.ok).toBe(false);
    if (result && !result.ok) {
      expect(result.failure).toMatchObject({ kind: 'network', reason: 'other' });
      expect(JSON.stringify(result)).not.toContain('hunter2');
    }
    expect(poller.state().inFlight).toBe(false);
    expect(poller.state().nextAt).toBe(time.now() + 30_000);
  });
});

describe('poller: pause, interval, online', () => {
  it('pauses for a duration, then polls when due', async () => {
    const { time, calls, poller } = setup((_, t) => ok(t));
    const t0 = time.now();
    poller.start();
    await time.advance(0);
    poller.pause(20 * MIN);
    expect(poller.state()).toMatchObject({ pausedUntil: t0 + 20 * MIN, nextAt: t0 + 20 * MIN, reason: 'paused' });
    await time.advance(20 * MIN - 1);
    expect(calls).toHaveLength(1);
    await time.advance(1);
    expect(calls).toEqual([t0, t0 + 20 * MIN]);
    expect(poller.state().pausedUntil).toBeNull();
  });

  it('pauses until resumed; resume polls if the interval has passed', async () => {
    const { time, calls, poller } = setup((_, t) => ok(t));
    poller.start();
    await time.advance(0);
    poller.pause(null);
    expect(poller.state()).toMatchObject({ pausedUntil: Number.POSITIVE_INFINITY, nextAt: null });
    expect(time.timerCount).toBe(0);
    await time.advance(60 * MIN);
    expect(calls).toHaveLength(1);
    poller.resume();
    await time.advance(0);
    expect(calls).toHaveLength(2);
  });

  it('resume before the interval is over keeps the original due time', async () => {
    const { time, poller } = setup((_, t) => ok(t));
    const t0 = time.now();
    poller.start();
    await time.advance(MIN);
    poller.pause(null);
    poller.resume();
    expect(poller.state().nextAt).toBe(t0 + 5 * MIN);
  });

  it('a new interval reschedules from the last poll', async () => {
    const { time, poller } = setup((_, t) => ok(t));
    const t0 = time.now();
    poller.start();
    await time.advance(MIN);
    poller.setInterval(2 * MIN);
    expect(poller.state().nextAt).toBe(t0 + 2 * MIN);
  });

  it('does not poll offline and polls soon when back online', async () => {
    const { time, calls, poller } = setup((_, t) => ok(t));
    poller.start();
    await time.advance(0);
    poller.setOnline(false);
    await time.advance(30 * MIN);
    expect(calls).toHaveLength(1);
    expect(poller.state()).toMatchObject({ nextAt: null, reason: 'offline' });
    const back = time.now();
    poller.setOnline(true);
    expect(poller.state()).toMatchObject({ nextAt: back + 2_000, reason: 'wake', wokeAt: back });
    await time.advance(2_000);
    expect(calls).toHaveLength(2);
  });
});

describe('poller: sleep and wake', () => {
  it('does not poll while suspended; polls 2 s after wake', async () => {
    const { time, calls, poller } = setup((_, t) => ok(t));
    poller.start();
    await time.advance(0);
    poller.suspend();
    expect(time.timerCount).toBe(0);
    await time.advance(60 * MIN);
    expect(calls).toHaveLength(1);
    poller.wake('resume');
    await time.advance(1_999);
    expect(calls).toHaveLength(1);
    await time.advance(1);
    expect(calls).toHaveLength(2);
    expect(poller.state()).toMatchObject({ suspended: false, reason: 'interval' });
  });

  it('retries quietly every 5 s while the network comes back after a wake', async () => {
    const net: Partial<FetchFailure> = { kind: 'network', reason: 'dns', status: undefined };
    const { time, calls, poller, results } = setup((n, t) => (n === 1 ? ok(t) : n <= 4 ? fail(t, net) : ok(t)));
    poller.start();
    await time.advance(0);
    poller.suspend();
    time.jump(3 * 60 * MIN);
    const woke = time.now();
    poller.wake('resume');
    await time.advance(2_000 + 3 * 5_000);
    expect(calls.slice(1)).toEqual([woke + 2_000, woke + 7_000, woke + 12_000, woke + 17_000]);
    // The three failures inside the grace period were neither reported nor counted.
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(poller.state().failureStreak).toBe(0);
  });

  it('reports network failures that outlast the grace period, then backs off normally', async () => {
    const net: Partial<FetchFailure> = { kind: 'network', reason: 'refused', status: undefined };
    const { time, calls, poller, results } = setup((n, t) => (n === 1 ? ok(t) : fail(t, net)));
    poller.start();
    await time.advance(MIN);
    const woke = time.now();
    poller.wake('resume');
    await time.advance(60_000);
    expect(results).toHaveLength(1);
    await time.advance(5_000);
    expect(results).toHaveLength(2);
    expect(calls.at(-1)).toBe(woke + 62_000);
    expect(poller.state()).toMatchObject({ failureStreak: 1, reason: 'backoff', nextAt: woke + 92_000 });
  });

  it('treats a timer that fires far too late as a missed wake', async () => {
    const missed: number[] = [];
    const { time, calls, poller } = setup((_, t) => ok(t), { onMissedWake: (at) => missed.push(at) });
    poller.start();
    await time.advance(0);
    time.jump(5 * MIN + 3 * 60 * MIN);
    const woke = time.now();
    await time.fireNext();
    // Not at once: the network gets the same 2 s as after a reported wake.
    expect(calls).toHaveLength(1);
    expect(missed).toEqual([woke]);
    expect(poller.state()).toMatchObject({ wokeAt: woke, nextAt: woke + 2_000, reason: 'wake' });
    await time.advance(2_000);
    expect(calls).toHaveLength(2);
  });

  it('a timer a little late is just a poll', async () => {
    const { time, calls, poller } = setup((_, t) => ok(t));
    poller.start();
    await time.advance(0);
    time.jump(5 * MIN + 90_000);
    await time.fireNext();
    expect(calls).toHaveLength(2);
    expect(poller.state().wokeAt).toBeNull();
  });
});

describe('poller: stop', () => {
  it('aborts the poll in flight, waits for it and reports nothing after', async () => {
    const { time, poller, results, signals } = setup(
      (_, t) =>
        new Promise<FetchResult>((resolve) => {
          signals.at(-1)?.addEventListener('abort', () => resolve(fail(t, { kind: 'network', reason: 'aborted' })));
        }),
    );
    poller.start();
    await time.advance(0);
    expect(poller.state().inFlight).toBe(true);
    await poller.stop();
    expect(signals[0]?.aborted).toBe(true);
    expect(results).toHaveLength(0);
    expect(poller.state().inFlight).toBe(false);
    expect(time.timerCount).toBe(0);
    await poller.refresh();
    await settle();
    expect(signals).toHaveLength(1);
  });

  it('leaves no timer behind', async () => {
    const { time, poller } = setup((_, t) => ok(t));
    poller.start();
    await time.advance(0);
    expect(time.timerCount).toBe(1);
    await poller.stop();
    expect(time.timerCount).toBe(0);
  });
});
