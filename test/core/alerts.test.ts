import { describe, expect, it } from 'vitest';
import {
  alertStateSchema,
  evaluateAlerts,
  initialAlertState,
  type AlertRules,
  type AlertState,
} from '../../src/main/core/alerts.js';
import type { FetchFailure, Notice, Reading } from '../../src/shared/types.js';
import { cents } from '../helpers/money.js';

const account = { id: 'acc-1', label: 'Main' };
/** low 100.00 (band 5.00), critical 20.00 (band the 1.00 minimum). */
const rules: AlertRules = { low: '100.00', critical: '20.00', forecastWarnDays: 3 };

/** Balances in these tables are whole cents, for short tables. */
const reading = (minorUnits: number, at = 0, currency = 'USD'): Reading => ({
  currency,
  balance: cents(minorUnits),
  fetchedAt: at,
});

/** Feeds balances in order, persisting the state as JSON between steps like the engine does. */
function run(balances: number[], r: AlertRules = rules, start: AlertState = initialAlertState()) {
  let state = start;
  let previous: Reading | null = null;
  const steps: string[] = [];
  balances.forEach((minor, i) => {
    const current = reading(minor, i);
    const out = evaluateAlerts(state, { kind: 'reading', reading: current, previous }, r, account);
    state = alertStateSchema.parse(JSON.parse(JSON.stringify(out.state)));
    previous = current;
    steps.push(out.notices.map(label).join('+'));
  });
  return { steps, state };
}

function label(notice: Notice): string {
  return notice.threshold === undefined ? notice.kind : `${notice.kind}@${notice.threshold}`;
}

const table: Array<[string, number[], string[]]> = [
  ['steady above low: nothing', [50_000, 49_000, 48_000], ['', '', '']],
  ['crossing low once', [10_500, 10_001, 10_000, 9_000, 8_000], ['', '', 'low@100.00', '', '']],
  ['first reading already low', [9_000, 8_000], ['low@100.00', '']],
  ['low, then critical', [12_000, 9_000, 2_000, 1_000], ['', 'low@100.00', 'critical@20.00', '']],
  ['straight past both: critical only', [12_000, 1_500, 1_000], ['', 'critical@20.00', '']],
  [
    '...and low stays quiet after a small rise',
    [12_000, 1_500, 3_000, 2_500],
    ['', 'critical@20.00', 'recovered@20.00+top-up', ''],
  ],
  [
    'wobble inside the low band: one low notice (rises are top-ups)',
    [10_000, 10_400, 9_990, 10_500, 9_900],
    ['low@100.00', 'top-up', '', 'top-up', ''],
  ],
  [
    'band edge: 105.00 does not re-arm, 105.01 does',
    [9_000, 10_500, 9_000, 10_501, 9_000],
    ['low@100.00', 'top-up', '', 'recovered@100.00+top-up', 'low@100.00'],
  ],
  [
    'critical band is at least 1.00',
    [1_900, 2_100, 1_900, 2_101, 1_900],
    ['critical@20.00', 'top-up', '', 'recovered@20.00+top-up', 'critical@20.00'],
  ],
  [
    'top-up above both re-arms both with one recovered',
    [1_000, 50_000, 9_000],
    ['critical@20.00', 'recovered@100.00+top-up', 'low@100.00'],
  ],
  ['small top-up (< 1.00) is no top-up notice', [50_000, 50_099, 50_199], ['', '', 'top-up']],
  ['spending never raises top-up', [50_000, 40_000, 30_000], ['', '', '']],
];

describe('evaluateAlerts: thresholds and hysteresis', () => {
  it.each(table)('%s', (_name, balances, expected) => {
    expect(run(balances).steps).toEqual(expected);
  });

  it('a wider ratio widens the band', () => {
    // 10% of 100.00 = 10.00: 109.00 stays inside the band, 110.01 leaves it.
    const wide = { ...rules, hysteresisRatio: '0.1' };
    expect(run([9_000, 10_900, 9_000, 11_001], wide).steps).toEqual([
      'low@100.00',
      'top-up',
      '',
      'recovered@100.00+top-up',
    ]);
  });

  it('no thresholds: no threshold notices', () => {
    expect(run([100, 0, -100], { forecastWarnDays: 3 }).steps).toEqual(['', '', '']);
  });

  it('a removed threshold re-arms silently', () => {
    const { state } = run([9_000]);
    expect(state.lowNotified).toBe(true);
    const after = run([9_000], { forecastWarnDays: 3 }, state);
    expect(after.steps).toEqual(['']);
    expect(after.state.lowNotified).toBe(false);
  });

  it('a restart with the persisted state does not repeat the notice', () => {
    const first = run([12_000, 9_000]);
    expect(first.steps).toEqual(['', 'low@100.00']);
    expect(run([9_000, 8_500], rules, first.state).steps).toEqual(['', '']);
  });

  it('a change of currency is not a top-up', () => {
    const out = evaluateAlerts(
      initialAlertState(),
      { kind: 'reading', reading: reading(90_000, 1, 'CNY'), previous: reading(50_000, 0, 'USD') },
      rules,
      account,
    );
    expect(out.notices).toEqual([]);
  });

  it('notices carry the account, the balance and the reading time', () => {
    const out = evaluateAlerts(
      initialAlertState(),
      { kind: 'reading', reading: reading(1_000, 77), previous: null },
      rules,
      account,
    );
    expect(out.notices).toEqual([
      {
        accountId: 'acc-1',
        label: 'Main',
        kind: 'critical',
        at: 77,
        balance: '10.00',
        currency: 'USD',
        threshold: '20.00',
      },
    ]);
  });
});

describe('evaluateAlerts: error episodes', () => {
  const failure = (at: number, extra: Partial<FetchFailure> = {}): FetchFailure => ({
    kind: 'http',
    status: 503,
    retryable: true,
    message: 'down',
    at,
    ...extra,
  });

  function feed(events: Array<['fail', number, Partial<FetchFailure>?] | ['ok', number]>) {
    let state = initialAlertState();
    const steps: string[] = [];
    for (const [type, value, extra] of events) {
      const event =
        type === 'fail'
          ? { kind: 'failure' as const, failure: failure(0, extra), streak: value }
          : { kind: 'reading' as const, reading: reading(value), previous: reading(value) };
      const out = evaluateAlerts(state, event, rules, account);
      state = out.state;
      steps.push(out.notices.map((n) => n.kind).join('+'));
    }
    return steps;
  }

  it('notifies once on the third failure, and when it recovers', () => {
    expect(
      feed([
        ['fail', 1],
        ['fail', 2],
        ['fail', 3],
        ['fail', 4],
        ['ok', 50_000],
        ['ok', 50_000],
      ]),
    ).toEqual(['', '', 'error', '', 'error-recovered', '']);
  });

  it('two failures then a success: no notice at all', () => {
    expect(
      feed([
        ['fail', 1],
        ['fail', 2],
        ['ok', 50_000],
      ]),
    ).toEqual(['', '', '']);
  });

  it('an auth failure notifies at once', () => {
    expect(
      feed([
        ['fail', 1, { kind: 'api', auth: true, code: '401' }],
        ['fail', 2, { auth: true }],
      ]),
    ).toEqual(['error', '']);
  });

  it('a new episode after recovery notifies again', () => {
    expect(
      feed([
        ['fail', 3],
        ['ok', 50_000],
        ['fail', 1],
        ['fail', 2],
        ['fail', 3],
      ]),
    ).toEqual(['error', 'error-recovered', '', '', 'error']);
  });

  it('the error notice carries the failure', () => {
    const out = evaluateAlerts(
      initialAlertState(),
      { kind: 'failure', failure: failure(42), streak: 3 },
      rules,
      account,
    );
    expect(out.notices).toEqual([{ accountId: 'acc-1', label: 'Main', kind: 'error', at: 42, failure: failure(42) }]);
  });
});

describe('evaluateAlerts: forecast', () => {
  function days(values: Array<number | null>, balances?: number[]) {
    let state = initialAlertState();
    let previous: Reading | null = null;
    return values.map((forecastDays, i) => {
      const current = reading(balances?.[i] ?? 50_000, i);
      const out = evaluateAlerts(
        state,
        { kind: 'reading', reading: current, previous },
        { ...rules, forecastDays },
        account,
      );
      state = out.state;
      previous = current;
      return out.notices.map((n) => (n.kind === 'forecast' ? `forecast:${n.days}` : n.kind)).join('+');
    });
  }

  it('notifies once when the days fall under the warning', () => {
    expect(days([10, 3, 2.9, 2, 1])).toEqual(['', '', 'forecast:2.9', '', '']);
  });

  it('re-arms only a day past the warning', () => {
    expect(days([2, 3.5, 2, 4, 2.5])).toEqual(['forecast:2', '', '', '', 'forecast:2.5']);
  });

  it('no forecast neither notifies nor re-arms', () => {
    expect(days([2, null, 2])).toEqual(['forecast:2', '', '']);
  });

  it('a top-up re-arms it', () => {
    expect(days([2, 2, 2], [50_000, 90_000, 89_000])).toEqual(['forecast:2', 'top-up', 'forecast:2']);
  });
});

describe('alertStateSchema', () => {
  it('fills missing fields of an older file with defaults', () => {
    expect(alertStateSchema.parse({ lowNotified: true })).toEqual({ ...initialAlertState(), lowNotified: true });
  });

  it('rejects a wrong type', () => {
    expect(alertStateSchema.safeParse({ lowNotified: 'yes' }).success).toBe(false);
  });
});

describe('evaluateAlerts: exact amounts', () => {
  const at = (balance: string, previous: string | null, r: AlertRules) =>
    evaluateAlerts(
      initialAlertState(),
      {
        kind: 'reading',
        reading: { currency: 'USD', balance, fetchedAt: 1 },
        previous: previous === null ? null : { currency: 'USD', balance: previous, fetchedAt: 0 },
      },
      r,
      account,
    ).notices.map(label);

  it('compares three decimals exactly', () => {
    expect(at('0.005', null, { low: '0.01', forecastWarnDays: 3 })).toEqual(['low@0.01']);
    expect(at('0.011', null, { low: '0.01', forecastWarnDays: 3 })).toEqual([]);
  });

  it('tells apart amounts a double cannot (beyond 2^53 cents)', () => {
    const low = '90071992547409.93';
    expect(at('90071992547409.92', null, { low, forecastWarnDays: 3 })).toEqual([`low@${low}`]);
    expect(at('90071992547409.94', null, { low, forecastWarnDays: 3 })).toEqual([]);
  });

  it('a top-up of exactly the minimum band counts, one thousandth less does not', () => {
    expect(at('1000000000000000001.000', '1000000000000000000.000', { forecastWarnDays: 3 })).toEqual(['top-up']);
    expect(at('1000000000000000000.999', '1000000000000000000.000', { forecastWarnDays: 3 })).toEqual([]);
  });
});
