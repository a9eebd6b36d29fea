/**
 * Turns the engine's snapshots into one event per finished poll, for the fetch counters.
 * EngineApi has no per-result hook yet, so a poll is recognised by a newer
 * `lastReading.fetchedAt` (success) or `lastFailure.at` (failure) than the one seen before.
 */
import type { Clock } from '../core/ports.js';
import type { AccountSnapshot, FailureKind, Snapshot } from '../../shared/types.js';

export type ResultKind = 'ok' | FailureKind;

export interface SnapshotSource {
  snapshot(): Snapshot;
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
}

interface Seen {
  readingAt: number;
  failureAt: number;
}

export function watchResults(
  source: SnapshotSource,
  clock: Clock,
  /** With the snapshot the result came in: reading it again per result would rebuild it each time. */
  listener: (account: AccountSnapshot, result: ResultKind, snapshot: Snapshot) => void,
): () => void {
  // Readings restored from history at start predate this moment and are not new polls.
  const since = clock.now();
  const seen = new Map<string, Seen>();
  const observed = new WeakSet<AccountSnapshot>();

  const observe = (snapshot: Snapshot): void => {
    const present = new Set<string>();
    for (const account of snapshot.accounts) {
      present.add(account.id);
      // The engine hands out the same object while the account has not changed: no new poll.
      if (observed.has(account)) continue;
      observed.add(account);
      const before = seen.get(account.id) ?? { readingAt: since - 1, failureAt: since - 1 };
      const readingAt = account.lastReading?.fetchedAt ?? before.readingAt;
      const failureAt = account.lastFailure?.at ?? before.failureAt;
      seen.set(account.id, {
        readingAt: Math.max(readingAt, before.readingAt),
        failureAt: Math.max(failureAt, before.failureAt),
      });
      // Report in time order so the last event matches the account's present state.
      const events: Array<[number, ResultKind]> = [];
      if (readingAt > before.readingAt) events.push([readingAt, 'ok']);
      if (account.lastFailure && failureAt > before.failureAt) {
        events.push([failureAt, account.lastFailure.kind]);
      }
      events.sort((a, b) => a[0] - b[0]);
      for (const [, kind] of events) listener(account, kind, snapshot);
    }
    for (const id of seen.keys()) if (!present.has(id)) seen.delete(id);
  };

  observe(source.snapshot());
  return source.subscribe(observe);
}
