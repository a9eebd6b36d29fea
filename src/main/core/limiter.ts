/**
 * A cap on how many balance requests are in flight at once, shared by every account's
 * poller. With a thousand accounts the platform would otherwise see a thousand requests in
 * one burst (and the process a thousand open sockets). Waiters are served first come, first
 * served, and a poller holds at most one slot, so a slow account costs one slot and never
 * delays the others beyond their turn.
 */

export interface Limiter {
  /** Runs task when a slot is free; a waiter whose signal aborts leaves the queue at once. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Requests running now, and waiting for a slot: for tests and diagnostics. */
  readonly active: number;
  readonly waiting: number;
}

export const DEFAULT_CONCURRENCY = 8;

interface Waiter {
  start(): void;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a whole number >= 1, not ${max}`);
  let active = 0;
  const queue: Waiter[] = [];

  const release = (): void => {
    active -= 1;
    const next = queue.shift();
    if (next) next.start();
  };

  const execute = async <T>(task: () => Promise<T>): Promise<T> => {
    active += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };

  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    run(task, signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      if (active < max) return execute(task);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          start() {
            signal?.removeEventListener('abort', onAbort);
            execute(task).then(resolve, reject);
          },
        };
        const onAbort = (): void => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(abortReason(signal));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
      });
    },
  };
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('aborted while waiting for a request slot', 'AbortError');
}
