/**
 * Remembers the (appkey, timestamp, nonce) triples already served. A triple older than the
 * timestamp window is refused by the timestamp check anyway, so it can be forgotten: that
 * keeps the memory bounded by the request rate times the window. A hard cap covers a flood
 * inside the window (the oldest entries go first).
 */
import { TIMESTAMP_WINDOW_SEC } from './codes.js';

export class ReplayCache {
  readonly #seen = new Map<string, number>();
  #prunedAtSec = Number.NaN;

  constructor(readonly maxEntries = 100_000) {}

  get size(): number {
    return this.#seen.size;
  }

  /** true when the triple was new (and is now remembered); false for a replay. */
  remember(appkey: string, timestampSec: number, nonce: number, nowSec: number): boolean {
    this.#prune(nowSec);
    const key = `${appkey}\u0000${timestampSec}\u0000${nonce}`;
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, timestampSec);
    if (this.#seen.size > this.maxEntries) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    return true;
  }

  /** At most once per second of server time, so a busy second costs one sweep, not one per call. */
  #prune(nowSec: number): void {
    if (nowSec === this.#prunedAtSec) return;
    this.#prunedAtSec = nowSec;
    const horizon = nowSec - TIMESTAMP_WINDOW_SEC;
    for (const [key, timestampSec] of this.#seen) {
      if (timestampSec < horizon) this.#seen.delete(key);
    }
  }
}
