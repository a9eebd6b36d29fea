import { describe, expect, it } from 'vitest';
import { attentionRank, byAttention, needingAttention } from '../../src/shared/attention.js';
import type { AccountSnapshot, AccountStatus, FetchFailure } from '../../src/shared/types.js';

const failure = (auth: boolean): FetchFailure => ({
  kind: 'api',
  retryable: !auth,
  ...(auth ? { auth: true } : {}),
  message: 'x',
  at: 0,
});

function account(label: string, status: AccountStatus, auth?: boolean) {
  return { label, status, lastFailure: auth === undefined ? null : failure(auth) } satisfies Pick<
    AccountSnapshot,
    'label' | 'status' | 'lastFailure'
  >;
}

describe('attention order', () => {
  it('puts critical, rejected credentials, low, stale, ok, paused in that order', () => {
    const shuffled = [
      account('p', 'paused'),
      account('o', 'ok'),
      account('s', 'stale'),
      account('l', 'low'),
      account('e', 'error', true),
      account('c', 'critical'),
    ];
    expect(byAttention(shuffled, 'en').map((a) => a.label)).toEqual(['c', 'e', 'l', 's', 'o', 'p']);
  });

  it('ranks a failing check without rejected credentials with the stale ones, after low', () => {
    expect(attentionRank(account('x', 'error', false))).toBe(attentionRank(account('y', 'stale')));
    expect(attentionRank(account('x', 'error', false))).toBeGreaterThan(attentionRank(account('y', 'low')));
  });

  it('breaks ties by label, numbers in order and case aside', () => {
    const same = [account('shop 10', 'ok'), account('Shop 9', 'ok'), account('alpha', 'ok')];
    expect(byAttention(same, 'en').map((a) => a.label)).toEqual(['alpha', 'Shop 9', 'shop 10']);
  });

  it('counts the accounts that are not fine', () => {
    expect(needingAttention([account('a', 'ok'), account('b', 'low'), account('c', 'paused')])).toBe(1);
    expect(needingAttention([account('a', 'critical'), account('b', 'stale')])).toBe(2);
  });
});
