// Scripted balances, faults, latency and the named scenarios, plus the bounded replay cache.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createBalanceClient } from '../../src/main/core/client/index.js';
import type { TimerHandle, Timers } from '../../src/main/core/ports.js';
import { balanceAt } from '../../src/main/simulator/balance-script.js';
import { ReplayCache } from '../../src/main/simulator/replay.js';
import {
  BAD_GATEWAY_PAGE,
  FAULTS,
  REJECTIONS,
  SCENARIOS,
  isScenarioName,
  scenarioOptions,
  type BalanceScript,
  type Simulator,
} from '../../src/main/simulator/index.js';
import { amountToNumber } from '../../src/shared/money.js';
import { TEST_ACCOUNT, accountFor, startTestSimulator, stopTestSimulators } from '../helpers/simulator.js';

const client = createBalanceClient({ version: '1', env: {} });
afterEach(stopTestSimulators);
afterAll(() => client.close());

async function balances(simulator: Simulator, count: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const result = await client.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret);
    seen.push(
      result.ok
        ? result.reading.balance
        : `${result.failure.kind}:${result.failure.code ?? result.failure.status ?? result.failure.reason}`,
    );
  }
  return seen;
}

describe('balance scripts', () => {
  it('fixed', () => {
    expect([1, 2, 50].map((call) => balanceAt({ start: '10.00' }, call))).toEqual(['10.00', '10.00', '10.00']);
  });

  it('falling by an amount per call, into the negative', () => {
    expect([1, 2, 3, 4].map((call) => balanceAt({ start: '1.00', fallBy: '0.35' }, call))).toEqual([
      '1.00',
      '0.65',
      '0.30',
      '-0.05',
    ]);
  });

  it('a top-up of X at call N', () => {
    const script: BalanceScript = { start: '100.00', fallBy: '10.00', topUps: [{ atCall: 3, amount: '500.00' }] };
    expect([1, 2, 3, 4].map((call) => balanceAt(script, call))).toEqual(['100.00', '90.00', '580.00', '570.00']);
  });

  it('a list of values, the last one repeating', () => {
    expect([1, 2, 3, 4].map((call) => balanceAt({ values: ['5.00', '4.00', '9.99'] }, call))).toEqual([
      '5.00',
      '4.00',
      '9.99',
      '9.99',
    ]);
  });

  it('exact with amounts a float would round', () => {
    expect(balanceAt({ start: '0.30', fallBy: '0.10' }, 3)).toBe('0.10');
  });

  it('is played over HTTP, counted per call', async () => {
    const simulator = await startTestSimulator({
      balance: { start: '20.00', fallBy: '5.00', topUps: [{ atCall: 4, amount: '100.00' }] },
    });
    expect(await balances(simulator, 5)).toEqual(['20.00', '15.00', '10.00', '105.00', '100.00']);
  });

  it('setScenario swaps the script and restarts the call count', async () => {
    const simulator = await startTestSimulator({ balance: { start: '20.00', fallBy: '5.00' } });
    await balances(simulator, 2);
    simulator.setScenario({ balance: { values: ['1.00', '2.00'] }, currency: 'CNY' });
    expect(await balances(simulator, 2)).toEqual(['1.00', '2.00']);
    expect(simulator.calls).toBe(4);
  });

  it('refuses a script with an amount that is not a decimal', async () => {
    await expect(startTestSimulator({ balance: { start: '1,000' } })).rejects.toThrow(RangeError);
  });
});

describe('faults', () => {
  it('each fault per call number, then normal answers', async () => {
    const simulator = await startTestSimulator({
      faults: {
        1: FAULTS.rateLimited(9),
        2: FAULTS.serverError,
        3: FAULTS.badGatewayHtml,
        4: FAULTS.wrongTypes,
        6: FAULTS.empty,
      },
    });
    expect(await balances(simulator, 7)).toEqual([
      'http:429',
      'http:500',
      'http:502',
      'invalid-response:shape',
      '1234.56',
      'invalid-response:empty',
      '1234.56',
    ]);
  });

  it('sends Retry-After and an HTML 502 page as a proxy would', async () => {
    const simulator = await startTestSimulator({
      faults: (call) => (call === 1 ? FAULTS.rateLimited(9) : FAULTS.badGatewayHtml),
    });
    const limited = await fetch(`${simulator.url}/api/v3/agent/balance`, { method: 'POST', body: '{}' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('9');
    const page = await fetch(`${simulator.url}/api/v3/agent/balance`, { method: 'POST', body: '{}' });
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(await page.text()).toBe(BAD_GATEWAY_PAGE);
  });

  it('a reset closes the socket without an answer', async () => {
    const simulator = await startTestSimulator({ faults: { 1: FAULTS.reset } });
    await expect(fetch(`${simulator.url}/api/v3/agent/balance`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('an oversized answer is 1 MiB by default', async () => {
    const simulator = await startTestSimulator({ faults: { 1: FAULTS.oversized } });
    const answer = await fetch(`${simulator.url}/api/v3/agent/balance`, { method: 'POST', body: '{}' });
    expect((await answer.arrayBuffer()).byteLength).toBe(1024 * 1024);
  });
});

describe('latency', () => {
  it('delays each answer through the timers it was given', async () => {
    const delays: number[] = [];
    const timers: Timers = {
      setTimeout: (callback, ms) => {
        delays.push(ms);
        return setTimeout(callback, 0) as unknown as TimerHandle;
      },
      clearTimeout: () => undefined,
    };
    const simulator = await startTestSimulator({ latencyMs: 750, timers });
    expect(await balances(simulator, 2)).toEqual(['1234.56', '1234.56']);
    expect(delays).toEqual([750, 750]);
  });
});

describe('named scenarios', () => {
  it('lists exactly the four names', () => {
    expect(SCENARIOS).toEqual(['steady', 'falling', 'flaky', 'auth-fail']);
    expect(isScenarioName('falling')).toBe(true);
    expect(isScenarioName('nope')).toBe(false);
  });

  it('steady stays put', async () => {
    const simulator = await startTestSimulator();
    simulator.setScenario('steady');
    expect(new Set(await balances(simulator, 3))).toEqual(new Set(['1234.56']));
  });

  it('falling falls and is topped up again', () => {
    const { balance } = scenarioOptions('falling');
    const values = Array.from({ length: 30 }, (_, i) => Math.round(amountToNumber(balanceAt(balance, i + 1)) * 100));
    const rises = values.filter((value, i) => i > 0 && value > values[i - 1]!);
    expect(values[1]!).toBeLessThan(values[0]!);
    expect(rises.length).toBeGreaterThanOrEqual(2);
    expect(values.every((value) => value > 0)).toBe(true);
  });

  it('flaky mixes 5xx and 429 with good answers', async () => {
    const simulator = await startTestSimulator();
    simulator.setScenario('flaky');
    const seen = await balances(simulator, 11);
    expect(seen.filter((s) => s.startsWith('http:'))).toEqual(['http:503', 'http:502', 'http:503', 'http:429']);
    expect(seen.filter((s) => /^\d/.test(s)).length).toBe(7);
  });

  it('auth-fail refuses the signature every time', async () => {
    const simulator = await startTestSimulator();
    simulator.setScenario('auth-fail');
    expect(await balances(simulator, 2)).toEqual([`api:${REJECTIONS.badSign.code}`, `api:${REJECTIONS.badSign.code}`]);
  });
});

describe('replay cache', () => {
  it('forgets pairs once they fall out of the timestamp window', () => {
    const cache = new ReplayCache();
    expect(cache.remember('k', 1000, 12_345, 1000)).toBe(true);
    expect(cache.remember('k', 1000, 12_345, 1200)).toBe(false);
    cache.remember('k', 1400, 1, 1400);
    expect(cache.size).toBe(1);
  });

  it('never holds more than its cap', () => {
    const cache = new ReplayCache(10);
    for (let nonce = 10_000; nonce < 10_050; nonce += 1) cache.remember('k', 1000, nonce, 1000);
    expect(cache.size).toBe(10);
  });

  it('keeps appkeys apart', () => {
    const cache = new ReplayCache();
    expect(cache.remember('a', 1000, 12_345, 1000)).toBe(true);
    expect(cache.remember('b', 1000, 12_345, 1000)).toBe(true);
  });
});
