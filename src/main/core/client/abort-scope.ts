/**
 * One call's cancellation: the caller's signal or the overall deadline, whichever comes
 * first, remembering which. undici accepts an EventEmitter with `aborted`/`reason` as its
 * signal (documented for Dispatcher.request); that costs far less per call than an
 * AbortController plus AbortSignal.any, which measurably slowed every poll.
 */
import { EventEmitter } from 'node:events';
import type { Timers } from '../ports.js';

class AbortEmitter extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}

export interface AbortScope {
  signal: EventEmitter;
  /** Why it ended early, read after a failure. */
  readonly state: { aborted: boolean; deadline: boolean };
  /** Always call when the request is over: clears the deadline timer and the listener. */
  end(): void;
}

export function abortScope(timers: Timers, deadlineMs: number, caller: AbortSignal | undefined): AbortScope {
  const signal = new AbortEmitter();
  const state = { aborted: false, deadline: false };
  const onCallerAbort = (): void => {
    state.aborted = true;
    signal.abort(caller?.reason);
  };
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = timers.setTimeout(() => {
    state.deadline = true;
    signal.abort(new Error('deadline passed'));
  }, deadlineMs);
  return {
    signal,
    state,
    end() {
      timers.clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
