/** A month of believable history for one account: steady spending, two top-ups. */
import { cents } from '../helpers/money.js';
import type { AccountConfig, HistoryEntry } from '../../src/shared/types.js';
import { TEST_ACCOUNT } from '../helpers/simulator.js';

export const SEEDED_ACCOUNT: Omit<AccountConfig, 'baseUrl'> = {
  id: 'acct-shop',
  label: 'Shop',
  appkey: TEST_ACCOUNT.appkey,
  pollIntervalSec: 300,
  lowThreshold: '100.00',
  criticalThreshold: '50.00',
  enabled: true,
};

const HOUR_MS = 3_600_000;

/** Hourly readings over `days`, ending an hour before `now`; spends `perHour` minor units an hour. */
export function seededHistory(now: number, days = 30, perHour = 35): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const hours = days * 24;
  let balance = 40_000;
  for (let hour = hours; hour >= 1; hour -= 1) {
    const at = now - hour * HOUR_MS;
    const topUp = hour === Math.round(hours * 0.66) || hour === 72;
    balance = topUp ? balance + 20_000 : balance - perHour;
    entries.push({
      firstAt: at,
      lastAt: at + HOUR_MS / 2,
      balance: cents(balance),
      currency: 'USD',
      ...(topUp ? { topUp: true } : {}),
    });
  }
  return entries;
}

/** The balance the seeded history ends on, as the simulator should report it next. */
export function lastBalance(entries: readonly HistoryEntry[]): string {
  return entries.at(-1)?.balance ?? '0.00';
}
