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

/**
 * Hourly readings over `days` that end at `endMinor` an hour before `now`, spending
 * `perHour` minor units an hour (with one top-up `topUpAgoHours` before the end, if given).
 */
export function historyEndingAt(
  now: number,
  endMinor: number,
  options: { days?: number; perHour?: number; currency?: string; topUpAgoHours?: number; topUpMinor?: number } = {},
): HistoryEntry[] {
  const { days = 30, perHour = 35, currency = 'USD', topUpAgoHours, topUpMinor = 20_000 } = options;
  const entries: HistoryEntry[] = [];
  let balance = endMinor;
  for (let hour = 1; hour <= days * 24; hour += 1) {
    const at = now - hour * HOUR_MS;
    entries.push({
      firstAt: at,
      lastAt: at + HOUR_MS / 2,
      balance: cents(balance),
      currency,
      ...(hour === topUpAgoHours ? { topUp: true } : {}),
    });
    // Going back in time: before a top-up the balance was lower, before spending it was higher.
    // Spending follows the working day: busier in the day, quieter at night.
    const pace = 1 + 0.8 * Math.sin((hour / 24) * 2 * Math.PI);
    balance += hour === topUpAgoHours ? -topUpMinor : Math.round(perHour * pace);
  }
  return entries.reverse();
}

/** Three accounts as the glance screenshots show them: critical (EUR), low (USD) and fine (CNY). */
export function threeAccounts(now: number): import('./harness.js').SeedAccount[] {
  const account = (id: string, label: string, low: string, critical: string) => ({
    id,
    label,
    appkey: TEST_ACCOUNT.appkey,
    pollIntervalSec: 300,
    lowThreshold: low,
    criticalThreshold: critical,
    enabled: true,
  });
  const shop = historyEndingAt(now, 1_840, { currency: 'EUR', perHour: 40 });
  const main = historyEndingAt(now, 8_410, { perHour: 30, topUpAgoHours: 100, topUpMinor: 10_000 });
  const test = historyEndingAt(now, 120_300, { currency: 'CNY', perHour: 12 });
  return [
    {
      account: account('acct-shop-eu', 'Shop EU', '100.00', '20.00'),
      history: shop,
      simulator: { currency: 'EUR', balance: { start: lastBalance(shop) } },
    },
    {
      account: account('acct-main', 'Main', '100.00', '25.00'),
      history: main,
      simulator: { currency: 'USD', balance: { start: lastBalance(main) } },
    },
    {
      account: account('acct-test', 'Test', '500.00', '100.00'),
      history: test,
      simulator: { currency: 'CNY', balance: { start: lastBalance(test) } },
    },
  ];
}
