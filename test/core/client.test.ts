// The client against the simulator over real loopback HTTP: readings, request shape,
// connection reuse, and each kind of answer the server can give.
import { afterEach, describe, expect, it } from 'vitest';
import { createBalanceClient, type BalanceClientOptions } from '../../src/main/core/client/index.js';
import { FAULTS, REJECTIONS, type Fault } from '../../src/main/simulator/index.js';
import type { FetchFailure, FetchResult } from '../../src/shared/types.js';
import { TEST_ACCOUNT, accountFor, startTestSimulator, stopTestSimulators } from '../helpers/simulator.js';

const clients: Array<{ close(): Promise<void> }> = [];
function client(options: Partial<BalanceClientOptions> = {}) {
  const created = createBalanceClient({ version: '9.8.7', env: {}, ...options });
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await stopTestSimulators();
});

function failureOf(result: FetchResult): FetchFailure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.reading)}`);
  return result.failure;
}

async function fetchWithFault(fault: Fault): Promise<FetchFailure> {
  const simulator = await startTestSimulator({ faults: { 1: fault } });
  return failureOf(await client().fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret));
}

describe('fetchBalance: success', () => {
  it('returns the reading with the balance canonical', async () => {
    const now = 1_764_300_000_000;
    const simulator = await startTestSimulator({
      balance: { values: ['7.5'] },
      currency: 'CNY',
      clock: { now: () => now },
    });
    const result = await client({ clock: { now: () => now } }).fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret);
    expect(result).toEqual({
      ok: true,
      reading: { currency: 'CNY', balance: '7.50', fetchedAt: now },
    });
  });

  it('reads negative balances exactly', async () => {
    const simulator = await startTestSimulator({ balance: { values: ['-1234567.89'] } });
    const result = await client().fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret);
    expect(result.ok && result.reading).toMatchObject({ balance: '-1234567.89' });
  });

  it('reads three decimals and amounts beyond 2^53 cents exactly', async () => {
    const simulator = await startTestSimulator({ balance: { values: ['123456789012345678.905'] } });
    const result = await client().fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret);
    expect(result.ok && result.reading.balance).toBe('123456789012345678.905');
  });

  it('POSTs a signed JSON body with its User-Agent and Content-Type, never the secret', async () => {
    const simulator = await startTestSimulator();
    const c = client({ clock: { now: () => Date.now() }, random: () => 0.42, extraParams: { operator: 5 } });
    const result = await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret);
    expect(result.ok).toBe(true);
    const [recorded] = simulator.requests;
    expect(recorded?.method).toBe('POST');
    expect(recorded?.path).toBe('/api/v3/agent/balance');
    expect(recorded?.headers['user-agent']).toBe('eiot-balance/9.8.7');
    expect(recorded?.headers['content-type']).toBe('application/json;charset=utf-8');
    const body = JSON.parse(recorded?.body ?? '') as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['appkey', 'nonce', 'operator', 'sign', 'timestamp']);
    expect(body).toMatchObject({ appkey: TEST_ACCOUNT.appkey, nonce: 47_800, operator: 5 });
    expect(String(body.timestamp)).toMatch(/^\d{10}$/);
    expect(body.sign).toMatch(/^[0-9A-F]{40}$/);
    expect(recorded?.body).not.toContain(TEST_ACCOUNT.secret);
  });

  it('takes timestamp and nonce from the injected clock and random (same pair twice is a replay)', async () => {
    const now = 1_764_300_000_000;
    const simulator = await startTestSimulator({ clock: { now: () => now } });
    const c = client({ clock: { now: () => now }, random: () => 0 });
    expect((await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret)).ok).toBe(true);
    const body = JSON.parse(simulator.requests[0]?.body ?? '') as Record<string, unknown>;
    expect(body).toMatchObject({ timestamp: 1_764_300_000, nonce: 10_000 });
    const again = failureOf(await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret));
    expect(again).toMatchObject({ kind: 'api', code: REJECTIONS.replay.code });
  });

  it('keeps connections alive across calls instead of opening one per call', async () => {
    const simulator = await startTestSimulator();
    const c = client();
    for (let i = 0; i < 10; i += 1)
      expect((await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret)).ok).toBe(true);
    const ports = new Set(simulator.requests.map((r) => r.remotePort));
    expect(simulator.requests).toHaveLength(10);
    // undici may open a second socket while the first drains; one per call would be 10.
    expect(ports.size).toBeLessThanOrEqual(2);
  });

  it('accepts a base URL with a trailing slash', async () => {
    const simulator = await startTestSimulator();
    const result = await client().fetchBalance(
      { ...accountFor(simulator), baseUrl: `${simulator.url}/` },
      TEST_ACCOUNT.secret,
    );
    expect(result.ok).toBe(true);
    expect(simulator.requests[0]?.path).toBe('/api/v3/agent/balance');
  });
});

describe('fetchBalance: api failures', () => {
  it('keeps the code and message verbatim and flags a bad signature as auth', async () => {
    const simulator = await startTestSimulator();
    const failure = failureOf(await client().fetchBalance(accountFor(simulator), 'not-the-secret'));
    expect(failure).toMatchObject({ kind: 'api', code: '1003', message: '签名错误', auth: true, retryable: false });
  });

  it('flags an unknown appkey as auth', async () => {
    const simulator = await startTestSimulator();
    const failure = failureOf(await client().fetchBalance({ ...accountFor(simulator), appkey: 'nobody' }, 'x'));
    expect(failure).toMatchObject({ kind: 'api', code: REJECTIONS.unknownAppkey.code, auth: true });
  });

  it('recognises credential trouble by wording when the code is unknown', async () => {
    const failure = await fetchWithFault({ kind: 'api', code: '40001', message: 'sign check failed' });
    expect(failure).toMatchObject({ kind: 'api', code: '40001', message: 'sign check failed', auth: true });
  });

  it('leaves other refusals retryable and not auth', async () => {
    const failure = await fetchWithFault({ kind: 'api', code: '5000', message: '系统繁忙' });
    expect(failure).toMatchObject({ kind: 'api', code: '5000', message: '系统繁忙', retryable: true });
    expect(failure.auth).toBeUndefined();
  });
});

describe('fetchBalance: http failures', () => {
  it('429 with Retry-After seconds is retryable after that delay', async () => {
    expect(await fetchWithFault(FAULTS.rateLimited(7))).toMatchObject({
      kind: 'http',
      status: 429,
      retryable: true,
      retryAfterMs: 7000,
    });
  });

  it('503 with a Retry-After HTTP-date is measured against the client clock', async () => {
    const now = 1_764_300_000_000;
    const simulator = await startTestSimulator({
      faults: { 1: FAULTS.unavailable(new Date(now + 120_000).toUTCString()) },
    });
    const failure = failureOf(
      await client({ clock: { now: () => now } }).fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret),
    );
    expect(failure).toMatchObject({ kind: 'http', status: 503, retryable: true, retryAfterMs: 120_000 });
  });

  it('500 is retryable without Retry-After', async () => {
    const failure = await fetchWithFault(FAULTS.serverError);
    expect(failure).toMatchObject({ kind: 'http', status: 500, retryable: true });
    expect(failure.retryAfterMs).toBeUndefined();
  });

  it('502 with an HTML page is an http failure, not a parse error', async () => {
    expect(await fetchWithFault(FAULTS.badGatewayHtml)).toMatchObject({ kind: 'http', status: 502 });
  });

  it('404 (wrong base URL path) is not retryable', async () => {
    const simulator = await startTestSimulator();
    const failure = failureOf(
      await client().fetchBalance({ ...accountFor(simulator), baseUrl: `${simulator.url}/wrong` }, TEST_ACCOUNT.secret),
    );
    expect(failure).toMatchObject({ kind: 'http', status: 404, retryable: false });
  });

  it('the connection still works after an error answer', async () => {
    const simulator = await startTestSimulator({ faults: { 1: FAULTS.serverError } });
    const c = client();
    expect((await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret)).ok).toBe(false);
    expect((await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret)).ok).toBe(true);
  });
});

describe('fetchBalance: invalid answers', () => {
  it.each([
    ['truncated JSON', FAULTS.truncatedJson, 'not-json'],
    ['an HTML page with status 200', FAULTS.notJson, 'not-json'],
    ['wrong field types', FAULTS.wrongTypes, 'shape'],
    ['a balance that is not a decimal', FAULTS.notDecimal, 'balance'],
    ['an empty body', FAULTS.empty, 'empty'],
    ['a 1 MiB chunked body', FAULTS.oversized, 'too-large'],
    ['a body declared larger than the limit', { kind: 'oversized', bytes: 100_000, declareLength: true }, 'too-large'],
  ] as const)('%s -> invalid-response/%s', async (_name, fault, reason) => {
    expect(await fetchWithFault(fault)).toMatchObject({ kind: 'invalid-response', reason });
  });

  it('stops reading an endless body instead of buffering it', async () => {
    // The server would stream forever: only a client that hangs up lets this test finish.
    const failure = await fetchWithFault({ kind: 'oversized', bytes: Number.MAX_SAFE_INTEGER });
    expect(failure).toMatchObject({ kind: 'invalid-response', reason: 'too-large' });
  });

  it('honours a custom body limit', async () => {
    const simulator = await startTestSimulator();
    const failure = failureOf(
      await client({ maxBodyBytes: 20 }).fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret),
    );
    expect(failure).toMatchObject({ kind: 'invalid-response', reason: 'too-large' });
  });
});
