/**
 * What an operator's log collector needs from the headless engine, as structured events:
 * failed polls, recoveries, each change of an account's state, each notice. Labels and the
 * platform's cleaned message only; never an appkey, base URL or secret.
 *
 * A failure that repeats is logged when the account's run of failures reaches 1, 2, 4, 8...,
 * and a different failure at once: a platform outage over a thousand accounts would otherwise
 * write a thousand lines every interval, all saying the same. The metrics count every failure;
 * the recovery line says how many there were.
 */
import type { EngineApi } from '../core/engine-api.js';
import { describeFailure } from '../../shared/failure-text.js';
import { translator } from '../../shared/i18n/index.js';
import { noticeText } from '../../shared/notice-text.js';
import type { AccountSnapshot, AccountStatus, FetchFailure, Notice } from '../../shared/types.js';

type Fields = Record<string, unknown>;

/** The part of a pino logger this uses, so tests can pass a recorder. */
export interface EventLog {
  info(fields: Fields, message: string): void;
  warn(fields: Fields, message: string): void;
}

// Logs are read by operators and machines: one language, stable across hosts.
const t = translator('en');

function failureFields(failure: FetchFailure): Fields {
  return {
    kind: failure.kind,
    retryable: failure.retryable,
    ...(failure.code === undefined ? {} : { code: failure.code }),
    ...(failure.status === undefined ? {} : { status: failure.status }),
    ...(failure.reason === undefined ? {} : { reason: failure.reason }),
    ...(failure.auth ? { auth: true } : {}),
    ...(failure.clockOffsetMs === undefined ? {} : { clockOffsetSec: Math.round(failure.clockOffsetMs / 1000) }),
  };
}

function noticeFields(notice: Notice): Fields {
  const { accountId, label, kind, balance, currency, threshold, days, failure } = notice;
  return {
    event: 'notice',
    account: label,
    accountId,
    kind,
    ...(balance === undefined ? {} : { balance }),
    ...(currency === undefined ? {} : { currency }),
    ...(threshold === undefined ? {} : { threshold }),
    ...(days === undefined ? {} : { days }),
    ...(failure === undefined ? {} : { failure: failureFields(failure) }),
  };
}

const SERIOUS: ReadonlySet<string> = new Set(['low', 'critical', 'error', 'forecast']);

/** What makes two failures the same for the log: not their time, nor a clock offset that drifts. */
function sameness(failure: FetchFailure): string {
  return JSON.stringify([failure.kind, failure.code, failure.status, failure.reason, failure.auth === true]);
}

/**
 * The run of failures reached the next of 1, 2, 4, 8... since it was last seen. Compared by
 * bit length, not "is a power of two": snapshots come at most once a second, and a streak that
 * went from 3 to 5 between two of them has still passed 4.
 */
const bitLength = (count: number): number => 32 - Math.clz32(count);
const reachedPowerOfTwo = (before: number, now: number): boolean => bitLength(now) > bitLength(before);

interface Seen {
  status: AccountStatus;
  failureAt: number | null;
  failureStreak: number;
  readingAt: number | null;
  /** The failure last logged in the current run of failures. */
  logged: string | null;
}

/** Starts logging; returns the unsubscribe. */
export function logEngineEvents(engine: EngineApi, log: EventLog): () => void {
  const seen = new Map<string, Seen>();
  const remember = (account: AccountSnapshot, logged: string | null): void =>
    void seen.set(account.id, {
      status: account.status,
      failureAt: account.lastFailure?.at ?? null,
      failureStreak: account.failureStreak,
      readingAt: account.lastReading?.fetchedAt ?? null,
      logged,
    });
  for (const account of engine.snapshot().accounts) remember(account, null);

  const onSnapshot = (accounts: readonly AccountSnapshot[]): void => {
    // A removed account is forgotten: a long-running service must not keep every id it saw.
    if (seen.size > accounts.length) {
      const present = new Set(accounts.map((account) => account.id));
      for (const id of seen.keys()) if (!present.has(id)) seen.delete(id);
    }
    for (const account of accounts) {
      const before = seen.get(account.id);
      const failure = account.lastFailure;
      const who = { account: account.label, accountId: account.id };
      let logged = account.failureStreak > 0 ? (before?.logged ?? null) : null;
      if (failure && failure.at !== before?.failureAt && account.failureStreak > 0) {
        const kind = sameness(failure);
        if (kind !== logged || reachedPowerOfTwo(before?.failureStreak ?? 0, account.failureStreak)) {
          log.warn(
            { event: 'poll-failed', ...who, ...failureFields(failure), failureStreak: account.failureStreak },
            describeFailure(failure, t),
          );
        }
        logged = kind;
      }
      // A new reading, not just a streak back at 0 (an account paused or disabled mid-run).
      const readAgain = account.lastReading !== null && account.lastReading.fetchedAt !== before?.readingAt;
      if (before !== undefined && before.failureStreak > 0 && account.failureStreak === 0 && readAgain) {
        log.info(
          { event: 'poll-recovered', ...who, failedPolls: before.failureStreak },
          `${account.label}: read again after ${before.failureStreak} failed poll${before.failureStreak === 1 ? '' : 's'}`,
        );
      }
      if (before !== undefined && before.status !== account.status) {
        log.info(
          { event: 'state-change', ...who, from: before.status, to: account.status },
          `${account.label}: ${before.status} -> ${account.status}`,
        );
      }
      remember(account, logged);
    }
  };

  const unsubscribe = engine.subscribe((snapshot) => onSnapshot(snapshot.accounts));
  const unNotice = engine.onNotice((notice) => {
    const { title, body } = noticeText(notice, t, 'en');
    (SERIOUS.has(notice.kind) ? log.warn : log.info).call(log, noticeFields(notice), `${title}. ${body}`);
  });
  return () => {
    unsubscribe();
    unNotice();
  };
}
