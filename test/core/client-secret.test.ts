// Configuration refused before any request, and the secret never leaving: for every
// failure kind, neither the result nor any thrown error carries it.
import { afterEach, describe, expect, it } from 'vitest';
import { createBalanceClient } from '../../src/main/core/client/index.js';
import { ConfigurationError } from '../../src/main/core/errors.js';
import { FAULTS, type Fault } from '../../src/main/simulator/index.js';
import type { FetchResult } from '../../src/shared/types.js';
import { TEST_ACCOUNT, accountFor, startTestSimulator, stopTestSimulators } from '../helpers/simulator.js';

const SECRET = TEST_ACCOUNT.secret;
const clients: Array<{ close(): Promise<void> }> = [];
function client(timeouts = {}) {
  const created = createBalanceClient({ version: '1', env: {}, timeouts });
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await stopTestSimulators();
});

function expectNoSecret(value: FetchResult | unknown): void {
  expect(JSON.stringify(value)).not.toContain(SECRET);
  if (value instanceof Error) {
    expect(value.message).not.toContain(SECRET);
    expect(value.stack ?? '').not.toContain(SECRET);
  }
}

describe('configuration errors come before any request', () => {
  it.each([
    ['http to another machine', 'http://oapi.eiotclub.com', 'insecure'],
    ['another scheme', 'ftp://127.0.0.1', 'scheme'],
    ['not a URL', 'oapi.eiotclub.com', 'invalid'],
    ['credentials in the URL', `https://user:${SECRET}@oapi.eiotclub.com`, 'credentials'],
    ['a query string', 'https://oapi.eiotclub.com/?x=1', 'query'],
  ])('%s is refused (%s)', async (_name, baseUrl, problem) => {
    const simulator = await startTestSimulator();
    const error = await client()
      .fetchBalance({ baseUrl, appkey: TEST_ACCOUNT.appkey }, SECRET)
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problem).toBe(problem);
    expectNoSecret(error);
    expect(simulator.calls).toBe(0);
  });

  it('an empty appkey or secret is refused before any request', async () => {
    const simulator = await startTestSimulator();
    const c = client();
    await expect(c.fetchBalance({ ...accountFor(simulator), appkey: ' ' }, SECRET)).rejects.toMatchObject({
      problem: 'appkey',
    });
    await expect(c.fetchBalance(accountFor(simulator), '')).rejects.toMatchObject({ problem: 'secret' });
    expect(simulator.calls).toBe(0);
  });

  it('https base URLs and loopback http are accepted (no configuration error)', async () => {
    const simulator = await startTestSimulator();
    const c = client();
    await expect(
      c.fetchBalance({ ...accountFor(simulator), baseUrl: simulator.url.replace('127.0.0.1', 'localhost') }, SECRET),
    ).resolves.toBeDefined();
    // https to a closed loopback port: a network failure, not a thrown configuration error.
    const result = await c.fetchBalance({ baseUrl: 'https://127.0.0.1:9', appkey: 'k' }, SECRET);
    expect(result.ok ? null : result.failure.kind).toBe('network');
  });
});

describe('the secret never leaks', () => {
  const cases: Array<[string, Fault | 'wrong-secret', Record<string, number>?]> = [
    ['api (auth)', 'wrong-secret'],
    ['api (other)', { kind: 'api', code: '5000', message: '系统繁忙' }],
    ['http 429', FAULTS.rateLimited(3)],
    ['http 502 html', FAULTS.badGatewayHtml],
    ['network reset', FAULTS.reset],
    ['network timeout', FAULTS.hang, { headersMs: 150 }],
    ['network deadline', FAULTS.stallBody, { deadlineMs: 150 }],
    ['invalid not-json', FAULTS.truncatedJson],
    ['invalid shape', FAULTS.wrongTypes],
    ['invalid balance', FAULTS.notDecimal],
    ['invalid empty', FAULTS.empty],
    ['invalid too-large', FAULTS.oversized],
  ];

  it.each(cases)('%s', async (_name, fault, timeouts) => {
    const simulator = await startTestSimulator(fault === 'wrong-secret' ? {} : { faults: { 1: fault } });
    const secret = fault === 'wrong-secret' ? `${SECRET}-wrong` : SECRET;
    const result = await client(timeouts).fetchBalance(accountFor(simulator), secret);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secret);
    expectNoSecret(result);
  });

  it('refused connection', async () => {
    const result = await client().fetchBalance({ baseUrl: 'http://127.0.0.1:9', appkey: 'k' }, SECRET);
    expect(result.ok).toBe(false);
    expectNoSecret(result);
  });

  it('aborted', async () => {
    const simulator = await startTestSimulator();
    const result = await client().fetchBalance(accountFor(simulator), SECRET, { signal: AbortSignal.abort() });
    expect(result.ok).toBe(false);
    expectNoSecret(result);
  });

  it('even a server echoing it back gets it redacted', async () => {
    const simulator = await startTestSimulator({
      faults: { 1: { kind: 'api', code: '9', message: `bad secret ${SECRET}!` } },
    });
    const result = await client().fetchBalance(accountFor(simulator), SECRET);
    expectNoSecret(result);
    expect(result.ok ? '' : result.failure.message).toBe('bad secret [redacted]!');
  });
});
