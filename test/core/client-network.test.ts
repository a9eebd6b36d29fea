// Transport failures over real loopback sockets: timeouts with short limits, the overall
// deadline, cancellation, resets and refused connections.
import { createServer } from 'node:net';
import { errors } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createBalanceClient, type BalanceClientOptions } from '../../src/main/core/client/index.js';
import { transportFailure } from '../../src/main/core/client/classify-error.js';
import { FAULTS } from '../../src/main/simulator/index.js';
import type { FetchFailure, FetchResult } from '../../src/shared/types.js';
import { TEST_ACCOUNT, accountFor, startTestSimulator, stopTestSimulators } from '../helpers/simulator.js';

const clients: Array<{ close(): Promise<void> }> = [];
function client(options: Partial<BalanceClientOptions> = {}) {
  const created = createBalanceClient({ version: '1.0.0', env: {}, ...options });
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await stopTestSimulators();
});

function failureOf(result: FetchResult): FetchFailure {
  if (result.ok) throw new Error('expected a failure');
  return result.failure;
}

/** A port with nothing listening: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('fetchBalance: timeouts', () => {
  it('a server that never answers trips the headers timeout', async () => {
    const simulator = await startTestSimulator({ faults: { 1: FAULTS.hang } });
    const c = client({ timeouts: { headersMs: 200 } });
    const failure = failureOf(await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret));
    expect(failure).toMatchObject({ kind: 'network', reason: 'timeout-headers', retryable: true });
  });

  it('a body that stalls trips the body timeout', async () => {
    const simulator = await startTestSimulator({ faults: { 1: FAULTS.stallBody } });
    const c = client({ timeouts: { bodyMs: 200 } });
    const failure = failureOf(await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret));
    expect(failure).toMatchObject({ kind: 'network', reason: 'timeout-body', retryable: true });
  });

  it('the overall deadline fires even when every stage limit is generous', async () => {
    const simulator = await startTestSimulator({ faults: { 1: FAULTS.hang } });
    const c = client({ timeouts: { deadlineMs: 200, headersMs: 60_000, bodyMs: 60_000 } });
    const failure = failureOf(await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret));
    expect(failure).toMatchObject({ kind: 'network', reason: 'deadline', retryable: true });
  });

  it('the deadline also covers a stalled body', async () => {
    const simulator = await startTestSimulator({ faults: { 1: FAULTS.stallBody } });
    const c = client({ timeouts: { deadlineMs: 200, bodyMs: 60_000 } });
    expect(failureOf(await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret))).toMatchObject({
      reason: 'deadline',
    });
  });

  it('classifies undici connect timeouts (loopback cannot be made to stall a connect)', () => {
    const failure = transportFailure(new errors.ConnectTimeoutError(), { aborted: false, deadline: false }, 5);
    expect(failure).toMatchObject({ kind: 'network', reason: 'timeout-connect', retryable: true, at: 5 });
  });

  it('finds the code down the cause chain', () => {
    const wrapped = new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }) });
    expect(transportFailure(wrapped, { aborted: false, deadline: false }, 0)).toMatchObject({ reason: 'dns' });
    const tls = Object.assign(new Error('cert'), { code: 'CERT_HAS_EXPIRED' });
    expect(transportFailure(tls, { aborted: false, deadline: false }, 0)).toMatchObject({
      reason: 'tls',
      retryable: false,
    });
    const odd = Object.assign(new Error('free text'), { code: 'EHOSTUNREACH' });
    expect(transportFailure(odd, { aborted: false, deadline: false }, 0)).toMatchObject({
      reason: 'other',
      message: 'network error (EHOSTUNREACH)',
    });
  });
});

describe('fetchBalance: cancellation', () => {
  it('aborting the caller signal mid-request ends it as aborted, not retryable', async () => {
    const simulator = await startTestSimulator({ faults: { 1: FAULTS.hang } });
    const controller = new AbortController();
    const pending = client().fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret, { signal: controller.signal });
    await until(() => simulator.calls === 1);
    controller.abort();
    expect(failureOf(await pending)).toMatchObject({ kind: 'network', reason: 'aborted', retryable: false });
  });

  it('an already aborted signal sends nothing', async () => {
    const simulator = await startTestSimulator();
    const failure = failureOf(
      await client().fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret, { signal: AbortSignal.abort() }),
    );
    expect(failure).toMatchObject({ reason: 'aborted' });
    expect(simulator.calls).toBe(0);
  });
});

describe('fetchBalance: connection failures', () => {
  it('a reset before any answer is network/reset', async () => {
    const simulator = await startTestSimulator({ faults: { 1: FAULTS.reset } });
    const failure = failureOf(await client().fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret));
    expect(failure).toMatchObject({ kind: 'network', reason: 'reset', retryable: true });
  });

  it('nothing listening is network/refused', async () => {
    const port = await closedPort();
    const failure = failureOf(await client().fetchBalance({ baseUrl: `http://127.0.0.1:${port}`, appkey: 'k' }, 's'));
    expect(failure).toMatchObject({ kind: 'network', reason: 'refused', retryable: true });
  });

  it('recovers on the next call after a reset', async () => {
    const simulator = await startTestSimulator({ faults: { 1: FAULTS.reset } });
    const c = client();
    expect((await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret)).ok).toBe(false);
    expect((await c.fetchBalance(accountFor(simulator), TEST_ACCOUNT.secret)).ok).toBe(true);
  });
});
