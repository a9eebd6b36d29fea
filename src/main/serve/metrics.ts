/**
 * The Prometheus view of the engine, rendered as text from the engine's latest update (so
 * removed or relabelled accounts simply vanish) and kept until the next one: scrapes between
 * two updates are answered from the same bytes, gzipped at most once. The fetch counters are
 * fed by one event per finished poll.
 */
import { gzip } from 'node:zlib';
import { amountToNumber, isAmount } from '../../shared/money.js';
import type { AccountSnapshot, Snapshot } from '../../shared/types.js';
import type { Clock } from '../core/ports.js';
import { escapeLabelValue, familyHeader, sampleLine } from './exposition.js';
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

export interface MetricsBody {
  /** The exposition text, UTF-8. */
  readonly text: Buffer;
  /** The same bytes gzipped: compressed on the first request for them, then kept. */
  gzipped(): Promise<Buffer>;
}

export interface ServeMetrics {
  /** The body for the engine's latest update: rendered on the first call after it, then reused. */
  current(): MetricsBody;
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

function metricsBody(text: string): MetricsBody {
  const bytes = Buffer.from(text, 'utf8');
  let zipped: Promise<Buffer> | undefined;
  return {
    text: bytes,
    // On libuv's thread pool: the event loop keeps answering while a new body is compressed.
    gzipped: () =>
      (zipped ??= new Promise((resolve, reject) =>
        gzip(bytes, (error, result) => (error ? reject(error) : resolve(result))),
      )),
  };
}

type Counts = Record<ResultKind, number>;
const zeroCounts = (): Counts => ({ ok: 0, api: 0, http: 0, network: 0, 'invalid-response': 0 });

interface Family {
  name: string;
  help: string;
  /** Adds the account's sample, if it has one; `labels` is its rendered account label. */
  sample(write: (labels: string, value: number) => void, account: AccountSnapshot, labels: string): void;
}

const withCurrency = (labels: string, account: AccountSnapshot): string =>
  `${labels},currency="${escapeLabelValue(account.lastReading?.currency ?? '')}"`;

// The threshold is in the account's currency, known once a reading has arrived.
const threshold =
  (pick: (a: AccountSnapshot) => string | undefined): Family['sample'] =>
  (write, a, labels) => {
    const amount = pick(a);
    if (amount !== undefined && isAmount(amount) && a.lastReading) write(withCurrency(labels, a), majorUnits(amount));
  };

const GAUGES: readonly Family[] = [
  {
    name: 'eiot_balance',
    help: 'Last good balance, in major units of the currency.',
    sample: (write, a, labels) => {
      if (a.lastReading) write(withCurrency(labels, a), majorUnits(a.lastReading.balance));
    },
  },
  {
    name: 'eiot_balance_last_success_timestamp_seconds',
    help: 'When the last good balance was fetched, Unix seconds.',
    sample: (write, a, labels) => {
      if (a.lastReading) write(labels, a.lastReading.fetchedAt / 1000);
    },
  },
  {
    name: 'eiot_balance_up',
    help: '1 when the last poll of the account succeeded, else 0.',
    sample: (write, a, labels) => write(labels, isUp(a) ? 1 : 0),
  },
  {
    name: 'eiot_balance_poll_interval_seconds',
    help: 'Configured poll interval of the account.',
    sample: (write, a, labels) => write(labels, a.pollIntervalSec),
  },
  {
    name: 'eiot_balance_forecast_days_until_empty',
    help: 'Forecast days until the balance reaches zero, when known.',
    sample: (write, a, labels) => {
      const days = a.forecast?.daysUntilEmpty;
      if (typeof days === 'number' && Number.isFinite(days)) write(labels, days);
    },
  },
  {
    name: 'eiot_balance_low_threshold',
    help: 'Low-balance threshold, in major units.',
    sample: threshold((a) => a.lowThreshold),
  },
  {
    name: 'eiot_balance_critical_threshold',
    help: 'Critical-balance threshold, in major units.',
    sample: threshold((a) => a.criticalThreshold),
  },
];

/**
 * A monitored account with its gauge lines, rendered once: the engine hands out the same
 * account snapshot while it has not changed, so most accounts cost no new strings per update.
 */
interface Listed {
  account: AccountSnapshot;
  label: string;
  labelText: string;
  /** Per entry of GAUGES, the account's sample line(s), `''` for none. */
  lines: string[];
}

const listedBySnapshot = new WeakMap<AccountSnapshot, Listed>();

function listAccounts(snapshot: Snapshot): Listed[] {
  const list = monitored(snapshot);
  const labels = accountLabels(list);
  return list.map((account) => {
    const label = labels.get(account.id) ?? account.label;
    const known = listedBySnapshot.get(account);
    if (known?.label === label) return known;
    const labelText = `account="${escapeLabelValue(label)}"`;
    const lines = GAUGES.map((family) => {
      let text = '';
      family.sample((labels, value) => (text += sampleLine(family.name, labels, value)), account, labelText);
      return text;
    });
    const listed = { account, label, labelText, lines };
    listedBySnapshot.set(account, listed);
    return listed;
  });
}

function render(version: string, accounts: readonly Listed[], counts: ReadonlyMap<string, Counted>): string {
  const parts: string[] = [
    familyHeader('eiot_balance_build_info', 'Always 1; the version as a label.', 'gauge'),
    sampleLine('eiot_balance_build_info', `version="${escapeLabelValue(version)}"`, 1),
  ];
  GAUGES.forEach((family, index) => {
    parts.push(familyHeader(family.name, family.help, 'gauge'));
    for (const { lines } of accounts) parts.push(lines[index] ?? '');
  });
  parts.push(familyHeader('eiot_balance_fetch_total', 'Finished balance polls by result.', 'counter'));
  for (const { account, labelText } of accounts) {
    const counted = counts.get(account.id);
    if (!counted) continue;
    for (const result of RESULT_KINDS) {
      parts.push(sampleLine('eiot_balance_fetch_total', `${labelText},result="${result}"`, counted.counts[result]));
    }
  }
  return parts.join('');
}

interface Counted {
  label: string;
  counts: Counts;
}

export function createMetrics(source: SnapshotSource, clock: Clock, version: string): ServeMetrics {
  // One list of labelled accounts per engine update, shared by the counters and the body.
  let listed: { from: Snapshot; accounts: Listed[] } | null = null;
  const accountsOf = (snapshot: Snapshot): Listed[] => {
    if (listed?.from !== snapshot) listed = { from: snapshot, accounts: listAccounts(snapshot) };
    return listed.accounts;
  };

  // Every result starts at 0 so rate() works from the first poll; the series of an account
  // that was removed or relabelled go away, and a relabelled one starts again from 0.
  const counted = new Map<string, Counted>();
  const syncCounters = (snapshot: Snapshot): void => {
    const accounts = accountsOf(snapshot);
    const present = new Set(accounts.map(({ account }) => account.id));
    for (const id of counted.keys()) if (!present.has(id)) counted.delete(id);
    for (const { account, label } of accounts) {
      if (counted.get(account.id)?.label !== label) counted.set(account.id, { label, counts: zeroCounts() });
    }
  };
  // Before the results are counted, so a relabel in the same update does not wipe its poll.
  syncCounters(source.snapshot());
  const stopSyncing = source.subscribe(syncCounters);
  const stopWatching = watchResults(source, clock, (account, result) => {
    const entry = counted.get(account.id);
    if (entry && account.enabled) entry.counts[result] += 1;
  });

  // The engine's last update, not a fresh snapshot per scrape: the body changes only with it.
  let latest: Snapshot | null = null;
  let body: MetricsBody | null = null;
  const stopLatest = source.subscribe((snapshot) => {
    latest = snapshot;
    body = null;
  });

  return {
    current() {
      latest ??= source.snapshot();
      body ??= metricsBody(render(version, accountsOf(latest), counted));
      return body;
    },
    close() {
      stopWatching();
      stopSyncing();
      stopLatest();
    },
  };
}
