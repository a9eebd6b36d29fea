/**
 * Which account needs the user first. The glance sorts its cards by this and the macOS
 * menu-bar title shows the first one, so both agree on what "most in need of attention" means:
 * money about to run out, then credentials the platform rejected (nothing is being checked),
 * then a low balance, then figures that cannot be trusted, then the healthy, then the paused.
 */
import type { AccountSnapshot } from './types.js';

type Ranked = Pick<AccountSnapshot, 'status' | 'label' | 'lastFailure'>;

export function attentionRank(account: Ranked): number {
  switch (account.status) {
    case 'critical':
      return 0;
    case 'error':
      return account.lastFailure?.auth === true ? 1 : 3;
    case 'low':
      return 2;
    case 'stale':
      return 3;
    case 'unconfigured':
      return 4;
    case 'loading':
    case 'ok':
      return 5;
    case 'paused':
      return 6;
  }
}

/** Worst first, then by label as the user reads it. */
export function byAttention<T extends Ranked>(accounts: readonly T[], locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...accounts].sort((a, b) => attentionRank(a) - attentionRank(b) || collator.compare(a.label, b.label));
}

/** How many accounts are worse than fine (the glance's aggregate line). */
export function needingAttention(accounts: readonly Ranked[]): number {
  return accounts.filter((account) => attentionRank(account) < 5).length;
}
