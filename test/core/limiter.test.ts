import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/main/core/limiter.js';

function deferred(): { promise: Promise<string>; resolve: (value: string) => void } {
  let resolve!: (value: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe('request limiter', () => {
  it('runs at most max tasks at once, the waiters first come first served', async () => {
    const limiter = createLimiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const order: number[] = [];
    const runs = gates.map((gate, i) =>
      limiter.run(() => {
        order.push(i);
        return gate.promise;
      }),
    );
    await Promise.resolve();
    expect(order).toEqual([0, 1]);
    expect([limiter.active, limiter.waiting]).toEqual([2, 2]);
    gates[1]!.resolve('b');
    await runs[1];
    await Promise.resolve();
    expect(order).toEqual([0, 1, 2]);
    gates[0]!.resolve('a');
    gates[2]!.resolve('c');
    gates[3]!.resolve('d');
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    expect([limiter.active, limiter.waiting]).toEqual([0, 0]);
  });

  it('a waiter whose signal aborts leaves the queue and never runs', async () => {
    const limiter = createLimiter(1);
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const abort = new AbortController();
    let ran = false;
    const second = limiter.run(async () => {
      ran = true;
      return 'x';
    }, abort.signal);
    abort.abort();
    await expect(second).rejects.toThrow();
    expect(limiter.waiting).toBe(0);
    gate.resolve('done');
    await first;
    expect(ran).toBe(false);
  });

  it('a task that throws frees its slot', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('refuses a cap below one', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});
