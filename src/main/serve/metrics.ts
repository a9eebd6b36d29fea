/**
 * The Prometheus view of the engine. Gauges are computed from the engine's snapshot at
 * scrape time (so removed or relabelled accounts simply vanish); the fetch counters are fed
 * by one event per finished poll. A registry of its own, never prom-client's global one.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import { amountToNumber, isAmount } from '../../shared/money.js';
import type { AccountSnapshot, Snapshot } from '../../shared/types.js';
import type { Clock } from '../core/ports.js';
import { watchResults, type ResultKind, type SnapshotSource } from './results.js';

// A record, so a new FailureKind fails to compile here until it is listed.
const RESULT_SET: Record<ResultKind, true> = {
  ok: true,
  api: true,
  http: true,
  network: true,
  'invalid-response': true,
};
export const RESULT_KINDS = Object.keys(RESULT_SET) as ResultKind[];

export interface ServeMetrics {
  readonly registry: Registry;
  close(): void;
}

/**
 * Prometheus values are floats, so this is the one place money leaves its exact decimal
 * string: a gauge of a balance beyond 2^53 cents is the nearest double, as any scraper
 * would read it anyway.
 */
function majorUnits(amount: string): number {
  return amountToNumber(amount);
}

/** The `account` label: the account's label, made unique when two accounts share one. */
export function accountLabels(accounts: readonly AccountSnapshot[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const account of accounts) counts.set(account.label, (counts.get(account.label) ?? 0) + 1);
  return new Map(
    accounts.map((account) => [
      account.id,
      (counts.get(account.label) ?? 0) > 1 ? `${account.label} [${account.id}]` : account.label,
    ]),
  );
}

/** 1 when the most recent poll succeeded: a failure newer than the last reading means 0. */
export function isUp(account: AccountSnapshot): boolean {
  if (!account.lastReading) return false;
  return !account.lastFailure || account.lastFailure.at <= account.lastReading.fetchedAt;
}

function monitored(snapshot: Snapshot): AccountSnapshot[] {
  return snapshot.accounts.filter((account) => account.enabled);
}

export function createMetrics(source: SnapshotSource, clock: Clock, version: string): ServeMetrics {
  const registry = new Registry();
  new Gauge({
    name: 'eiot_balance_build_info',
    help: 'Always 1; the version as a label.',
    labelNames: ['version'],
    registers: [registry],
  }).set({ version }, 1);
  // The engine's last update, not a fresh snapshot per gauge: eight snapshots of a thousand
  // accounts per scrape were most of its time. Every change the gauges show sends an update.
  let latest: Snapshot | null = null;
  const stopLatest = source.subscribe((snapshot) => (latest = snapshot));
  let listed: { from: Snapshot; accounts: Array<[AccountSnapshot, string]> } | null = null;
  const accounts = (): Array<[AccountSnapshot, string]> => {
    latest ??= source.snapshot();
    if (listed?.from !== latest) {
      const list = monitored(latest);
      const labels = accountLabels(list);
      listed = { from: latest, accounts: list.map((account) => [account, labels.get(account.id) ?? account.label]) };
    }
    return listed.accounts;
  };

  // Each gauge rebuilds its series from the current snapshot when scraped.
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    fill: (set: (labels: Record<L, string>, value: number) => void, account: AccountSnapshot, label: string) => void,
  ): Gauge<L> =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        for (const [account, label] of accounts()) {
          fill((labels, value) => this.set(labels, value), account, label);
        }
      },
    });

  gauge(
    'eiot_balance',
    'Last good balance, in major units of the currency.',
    ['account', 'currency'],
    (set, a, account) => {
      if (a.lastReading) set({ account, currency: a.lastReading.currency }, majorUnits(a.lastReading.balance));
    },
  );
  gauge(
    'eiot_balance_last_success_timestamp_seconds',
    'When the last good balance was fetched, Unix seconds.',
    ['account'],
    (set, a, account) => {
      if (a.lastReading) set({ account }, a.lastReading.fetchedAt / 1000);
    },
  );
  gauge('eiot_balance_up', '1 when the last poll of the account succeeded, else 0.', ['account'], (set, a, account) => {
    set({ account }, isUp(a) ? 1 : 0);
  });
  gauge(
    'eiot_balance_poll_interval_seconds',
    'Configured poll interval of the account.',
    ['account'],
    (set, a, account) => {
      set({ account }, a.pollIntervalSec);
    },
  );
  gauge(
    'eiot_balance_forecast_days_until_empty',
    'Forecast days until the balance reaches zero, when known.',
    ['account'],
    (set, a, account) => {
      const days = a.forecast?.daysUntilEmpty;
      if (typeof days === 'number' && Number.isFinite(days)) set({ account }, days);
    },
  );
  const threshold = (name: string, help: string, pick: (a: AccountSnapshot) => string | undefined): void => {
    gauge(name, help, ['account', 'currency'], (set, a, account) => {
      const amount = pick(a);
      // The threshold is in the account's currency, known once a reading has arrived.
      if (amount !== undefined && isAmount(amount) && a.lastReading)
        set({ account, currency: a.lastReading.currency }, majorUnits(amount));
    });
  };
  threshold('eiot_balance_low_threshold', 'Low-balance threshold, in major units.', (a) => a.lowThreshold);
  threshold(
    'eiot_balance_critical_threshold',
    'Critical-balance threshold, in major units.',
    (a) => a.criticalThreshold,
  );

  const fetches = new Counter<'account' | 'result'>({
    name: 'eiot_balance_fetch_total',
    help: 'Finished balance polls by result.',
    labelNames: ['account', 'result'],
    registers: [registry],
  });
  const known = new Map<string, string>();
  // One label map per snapshot: many polls can finish in the same one.
  let labelled: { snapshot: Snapshot; labels: Map<string, string> } | null = null;
  const stopWatching = watchResults(source, clock, (account, result, snapshot) => {
    if (!account.enabled) return;
    if (labelled?.snapshot !== snapshot) labelled = { snapshot, labels: accountLabels(monitored(snapshot)) };
    fetches.inc({ account: labelled.labels.get(account.id) ?? account.label, result });
  });
  // Every result starts at 0 so rate() works from the first poll; series of accounts that
  // were removed or relabelled go away.
  const syncCounters = (snapshot: Snapshot): void => {
    const labels = accountLabels(monitored(snapshot));
    for (const [id, label] of known) {
      if (labels.get(id) === label) continue;
      for (const result of RESULT_KINDS) fetches.remove({ account: label, result });
      known.delete(id);
    }
    for (const [id, label] of labels) {
      if (known.has(id)) continue;
      for (const result of RESULT_KINDS) fetches.inc({ account: label, result }, 0);
      known.set(id, label);
    }
  };
  syncCounters(source.snapshot());
  const stopSyncing = source.subscribe(syncCounters);

  return {
    registry,
    close() {
      stopWatching();
      stopSyncing();
      stopLatest();
    },
  };
}
