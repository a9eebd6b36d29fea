/**
 * What the log file says about polling, as a pure function of two snapshots: for each account
 * whose reading or failure changed, the outcome (balance, or the failure's kind) and when the
 * next check is due and why. Written in English for whoever reads a bug report.
 */
import type { AccountSnapshot, Notice, Snapshot } from '../../shared/types.js';

function outcome(account: AccountSnapshot, previous: AccountSnapshot | undefined): string | null {
  const reading = account.lastReading;
  const failure = account.lastFailure;
  const readingChanged = reading && reading.fetchedAt !== previous?.lastReading?.fetchedAt;
  const failureChanged =
    failure && (failure !== previous?.lastFailure || account.failureStreak !== previous?.failureStreak);
  if (failureChanged && account.failureStreak > 0) {
    const detail = [failure.kind, failure.status, failure.code].filter((part) => part !== undefined).join(' ');
    return `failed (${detail}; ${account.failureStreak} in a row)`;
  }
  if (readingChanged) return `ok ${reading.balance} ${reading.currency}`;
  return null;
}

/** The engine may say why (nextCheckReason); otherwise it is read off the account's state. */
function reason(account: AccountSnapshot): string {
  const stated = (account as AccountSnapshot & { nextCheckReason?: unknown }).nextCheckReason;
  if (typeof stated === 'string') return stated;
  if (account.pausedUntil !== null) return 'paused';
  if (account.lastFailure?.retryAfterMs !== undefined && account.failureStreak > 0) return 'server asked to wait';
  if (account.failureStreak > 0)
    return account.lastFailure?.retryable ? 'retry after failure' : 'back-off after failure';
  return 'interval';
}

export function pollLogLines(previous: Snapshot | null, next: Snapshot): string[] {
  const lines: string[] = [];
  for (const account of next.accounts) {
    const before = previous?.accounts.find((candidate) => candidate.id === account.id);
    const result = outcome(account, before);
    if (!result) continue;
    const due = account.nextCheckAt === null ? 'none scheduled' : new Date(account.nextCheckAt).toISOString();
    lines.push(`poll ${account.label} [${account.id}]: ${result}; next check ${due} (${reason(account)})`);
  }
  return lines;
}

export function noticeLogLine(notice: Notice): string {
  return `notice ${notice.kind} for ${notice.label} [${notice.accountId}]`;
}
