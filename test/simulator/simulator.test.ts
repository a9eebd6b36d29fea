// The simulator checks requests as the platform does: each rejection with its own code and
// a Chinese message, answered over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { REJECTIONS, type Simulator } from '../../src/main/simulator/index.js';
import { sign } from '../../src/main/core/signer.js';
import { TEST_ACCOUNT, startTestSimulator, stopTestSimulators } from '../helpers/simulator.js';

afterEach(stopTestSimulators);

const NOW_MS = 1_764_300_000_000;
const NOW_SEC = NOW_MS / 1000;
const clock = { now: () => NOW_MS };

type Params = Record<string, string | number | null | undefined>;

function signed(params: Params, secret: string = TEST_ACCOUNT.secret): string {
  return JSON.stringify({ ...params, sign: sign(params, secret) });
}

const valid = (over: Params = {}): Params => ({
  appkey: TEST_ACCOUNT.appkey,
  timestamp: NOW_SEC,
  nonce: 48_213,
  ...over,
});

async function post(simulator: Simulator, body: string, init: { method?: string; path?: string } = {}) {
  const response = await fetch(`${simulator.url}${init.path ?? '/api/v3/agent/balance'}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json;charset=utf-8' },
    ...(init.method === 'GET' ? {} : { body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}

describe('simulator: the rejection table', () => {
  it('gives every rejection a distinct non-200 code and a Chinese message', () => {
    const codes = Object.values(REJECTIONS).map((rejection) => rejection.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rejection of Object.values(REJECTIONS)) {
      expect(rejection.code).not.toBe('200');
      expect(rejection.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('simulator: request checks', () => {
  it('answers a valid signed request with the platform envelope', async () => {
    const simulator = await startTestSimulator({ clock });
    const answer = await post(simulator, signed(valid()));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(answer.json()).toEqual({ code: '200', message: '操作成功', data: { balance: '1234.56', currency: 'USD' } });
  });

  it('signs extra business parameters too', async () => {
    const simulator = await startTestSimulator({ clock });
    expect((await post(simulator, signed(valid({ operator: 5 })))).json().code).toBe('200');
    const unsigned = JSON.stringify({ ...JSON.parse(signed(valid({ nonce: 50_000 }))), operator: 5 });
    expect((await post(simulator, unsigned)).json().code).toBe(REJECTIONS.badSign.code);
  });

  const cases: Array<[string, () => string, keyof typeof REJECTIONS]> = [
    ['a body that is not JSON', () => 'appkey=x', 'badJson'],
    ['a JSON array', () => '[]', 'badJson'],
    ['a missing sign', () => JSON.stringify(valid()), 'missingParam'],
    ['a missing appkey', () => signed(valid({ appkey: undefined })), 'missingParam'],
    ['an empty timestamp', () => signed(valid({ timestamp: '' })), 'missingParam'],
    ['a missing nonce', () => signed(valid({ nonce: null })), 'missingParam'],
    ['a nonce below 10000', () => signed(valid({ nonce: 9_999 })), 'badNonce'],
    ['a nonce above 99999', () => signed(valid({ nonce: 100_000 })), 'badNonce'],
    ['a fractional nonce', () => signed(valid({ nonce: 12_345.5 })), 'badNonce'],
    ['a timestamp 301 s old', () => signed(valid({ timestamp: NOW_SEC - 301 })), 'badTimestamp'],
    ['a timestamp 301 s ahead', () => signed(valid({ timestamp: NOW_SEC + 301 })), 'badTimestamp'],
    ['a timestamp in milliseconds', () => signed(valid({ timestamp: NOW_MS })), 'badTimestamp'],
    ['an unknown appkey', () => signed(valid({ appkey: 'nobody' }), 'whatever'), 'unknownAppkey'],
    ['a signature made with another secret', () => signed(valid(), 'other-secret'), 'badSign'],
    [
      'a lower-case signature',
      () => JSON.stringify({ ...valid(), sign: sign(valid(), TEST_ACCOUNT.secret).toLowerCase() }),
      'badSign',
    ],
  ];

  it.each(cases)('refuses %s', async (_name, body, rejection) => {
    const simulator = await startTestSimulator({ clock });
    const answer = await post(simulator, body());
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ ...REJECTIONS[rejection], data: null });
  });

  it('accepts timestamps exactly 300 s either side of its clock', async () => {
    const simulator = await startTestSimulator({ clock });
    expect((await post(simulator, signed(valid({ timestamp: NOW_SEC - 300 })))).json().code).toBe('200');
    expect((await post(simulator, signed(valid({ timestamp: NOW_SEC + 300 })))).json().code).toBe('200');
  });

  it('refuses a replayed (timestamp, nonce) pair, but not a fresh nonce', async () => {
    const simulator = await startTestSimulator({ clock });
    const body = signed(valid());
    expect((await post(simulator, body)).json().code).toBe('200');
    expect((await post(simulator, body)).json()).toEqual({ ...REJECTIONS.replay, data: null });
    expect((await post(simulator, signed(valid({ nonce: 48_214 })))).json().code).toBe('200');
  });

  it('a forged request does not burn the real nonce', async () => {
    const simulator = await startTestSimulator({ clock });
    expect((await post(simulator, signed(valid(), 'forged'))).json().code).toBe(REJECTIONS.badSign.code);
    expect((await post(simulator, signed(valid()))).json().code).toBe('200');
  });

  it('knows several accounts', async () => {
    const simulator = await startTestSimulator({
      clock,
      accounts: [TEST_ACCOUNT, { appkey: 'second', secret: 'two' }],
    });
    expect((await post(simulator, signed(valid({ appkey: 'second' }), 'two'))).json().code).toBe('200');
  });

  it('answers 404 off the endpoint path and 405 for other methods', async () => {
    const simulator = await startTestSimulator({ clock });
    expect((await post(simulator, signed(valid()), { path: '/api/v3/agent/other' })).status).toBe(404);
    const get = await post(simulator, '', { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('counts every request and records its headers and remote port', async () => {
    const simulator = await startTestSimulator({ clock });
    await post(simulator, 'junk');
    await post(simulator, '', { method: 'GET' });
    expect(simulator.calls).toBe(2);
    expect(simulator.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(simulator.requests[0]?.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(simulator.requests[0]?.remotePort).toBeGreaterThan(0);
  });

  it('keeps only the latest 100 recorded requests', async () => {
    const simulator = await startTestSimulator({ clock });
    for (let i = 0; i < 105; i += 1) await post(simulator, `junk-${i}`);
    expect(simulator.calls).toBe(105);
    expect(simulator.requests).toHaveLength(100);
    expect(simulator.requests[0]?.body).toBe('junk-5');
  });

  it('close() ends even with a request left hanging', async () => {
    const simulator = await startTestSimulator({ clock, faults: { 1: { kind: 'hang' } } });
    const pending = post(simulator, signed(valid())).catch((error: unknown) => error);
    while (simulator.calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await simulator.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
