/**
 * What an operator's log collector needs from the headless engine, as structured events:
 * each failed poll, each change of an account's state, each notice. Labels and the
 * platform's cleaned message only; never an appkey, base URL or secret.
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

/** Starts logging; returns the unsubscribe. */
export function logEngineEvents(engine: EngineApi, log: EventLog): () => void {
  const seen = new Map<string, { status: AccountStatus; failureAt: number | null }>();
  const remember = (account: AccountSnapshot): void =>
    void seen.set(account.id, { status: account.status, failureAt: account.lastFailure?.at ?? null });
  engine.snapshot().accounts.forEach(remember);

  const onSnapshot = (accounts: readonly AccountSnapshot[]): void => {
    for (const account of accounts) {
      const before = seen.get(account.id);
      const failure = account.lastFailure;
      const who = { account: account.label, accountId: account.id };
      if (failure && failure.at !== before?.failureAt) {
        log.warn(
          { event: 'poll-failed', ...who, ...failureFields(failure), failureStreak: account.failureStreak },
          describeFailure(failure, t),
        );
      }
      if (before !== undefined && before.status !== account.status) {
        log.info(
          { event: 'state-change', ...who, from: before.status, to: account.status },
          `${account.label}: ${before.status} -> ${account.status}`,
        );
      }
      remember(account);
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
