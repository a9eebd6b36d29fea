/**
 * One account's balance history in memory. Appending is cheap (a poll only touches the last
 * entry when nothing changed); writing to disk happens on flush, which the engine calls when
 * `needsFlush` says so.
 */
import { compareAmounts } from '../../../shared/money.js';
import type { HistoryEntry, Reading } from '../../../shared/types.js';
import { mergeHistories } from './merge.js';

export const DEFAULT_MAX_AGE_MS = 400 * 86_400_000;
/** An unchanged balance only moves `lastAt`: losing up to this much of it in a crash is fine. */
export const DEFAULT_FLUSH_EVERY_MS = 10 * 60_000;

export interface HistoryLogOptions {
  /**
   * Writes the whole history; called by flush, one call at a time. It may answer with what
   * it wrote after merging in another writer's entries: the log then holds those too.
   */
  save: (entries: readonly HistoryEntry[], now: number) => Promise<readonly HistoryEntry[] | void>;
  entries?: readonly HistoryEntry[];
  /** When the log was loaded: the flush policy counts from it. */
  now: number;
  maxAgeMs?: number;
  flushEveryMs?: number;
}

export class HistoryLog {
  private readonly list: HistoryEntry[];
  private readonly save: HistoryLogOptions['save'];
  private readonly maxAgeMs: number;
  private readonly flushEveryMs: number;
  private dirty = false;
  private newEntry = false;
  private lastFlushAt: number;
  private writing: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;

  constructor(options: HistoryLogOptions) {
    this.list = (options.entries ?? []).map((e) => ({ ...e }));
    this.save = options.save;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.flushEveryMs = options.flushEveryMs ?? DEFAULT_FLUSH_EVERY_MS;
    this.lastFlushAt = options.now;
  }

  append(reading: Reading): void {
    const last = this.list.at(-1);
    this.dirty = true;
    const sameCurrency = last !== undefined && last.currency === reading.currency;
    const change = sameCurrency ? compareAmounts(reading.balance, last.balance) : null;
    if (last && change === 0) {
      last.lastAt = Math.max(last.lastAt, reading.fetchedAt);
      return;
    }
    const rose = change === 1;
    this.list.push({
      firstAt: reading.fetchedAt,
      lastAt: reading.fetchedAt,
      balance: reading.balance,
      currency: reading.currency,
      ...(rose ? { topUp: true } : {}),
    });
    this.newEntry = true;
  }

  /** Copies, oldest first; with sinceMs, the entries still seen at or after it. */
  entries(sinceMs?: number): HistoryEntry[] {
    const from = sinceMs ?? Number.NEGATIVE_INFINITY;
    return this.list.filter((e) => e.lastAt >= from).map((e) => ({ ...e }));
  }

  /** A new balance is worth saving at once; an unchanged one now and then. */
  needsFlush(now: number): boolean {
    return this.newEntry || (this.dirty && now - this.lastFlushAt >= this.flushEveryMs);
  }

  /**
   * Drops entries older than the age limit, then writes. Flushes never overlap, and at most
   * one waits behind the write under way: it copies the entries when it starts, so a slow
   * disk delays the file but never piles up copies of the history in memory.
   */
  flush(now: number): Promise<void> {
    this.prune(now);
    this.dirty = false;
    this.newEntry = false;
    this.lastFlushAt = now;
    if (this.queued) return this.queued;
    const run = this.writing.then(async () => {
      this.queued = null;
      const written = await this.save(
        this.list.map((e) => ({ ...e })),
        now,
      );
      // Appends made while the write was under way are kept: the merge is a union.
      if (written) this.list.splice(0, this.list.length, ...mergeHistories(this.list, written));
    });
    this.queued = run;
    this.writing = run.catch(() => {
      // The next flush retries with the then-current entries.
      this.dirty = true;
    });
    return run;
  }

  private prune(now: number): void {
    const cutoff = now - this.maxAgeMs;
    const keepFrom = this.list.findIndex((e) => e.lastAt >= cutoff);
    const drop = keepFrom === -1 ? this.list.length : keepFrom;
    if (drop > 0) this.list.splice(0, drop);
  }
}
