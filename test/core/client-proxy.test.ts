// HTTP(S)_PROXY and NO_PROXY: a tiny loopback forward proxy is the only route to the
// simulator (the base URL's own port has nothing listening), so a success proves the
// request went through it and a refusal proves it did not.
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBalanceClient, proxyFor } from '../../src/main/core/client/index.js';
import type { Simulator } from '../../src/main/simulator/index.js';
import { TEST_ACCOUNT, startTestSimulator, stopTestSimulators } from '../helpers/simulator.js';

interface TestProxy {
  url: string;
  seen: string[];
  close(): Promise<void>;
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await stopTestSimulators();
});

/** Forwards every absolute-URI request to the simulator, whatever host:port it named. */
async function startProxy(simulator: Simulator): Promise<TestProxy> {
  const seen: string[] = [];
  const server: Server = createHttpServer((incoming, outgoing) => {
    seen.push(incoming.url ?? '');
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: simulator.port,
        method: incoming.method,
        path: new URL(incoming.url ?? '/').pathname,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const proxy = {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  closers.push(proxy.close);
  return proxy;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `env` may say PROXY where the test proxy's URL belongs. */
async function check(env: Record<string, string>) {
  const simulator = await startTestSimulator();
  const proxy = await startProxy(simulator);
  const unreachable = `http://127.0.0.1:${await closedPort()}`;
  const resolved = Object.fromEntries(
    Object.entries(env).map(([name, value]) => [name, value.replace('PROXY', proxy.url)]),
  );
  const client = createBalanceClient({ version: '1', env: resolved });
  closers.push(() => client.close());
  const result = await client.fetchBalance({ baseUrl: unreachable, appkey: TEST_ACCOUNT.appkey }, TEST_ACCOUNT.secret);
  return { result, proxy, unreachable };
}

describe('client: proxy variables', () => {
  it('sends an http request through HTTP_PROXY', async () => {
    const { result, proxy, unreachable } = await check({ HTTP_PROXY: 'PROXY' });
    expect(result.ok).toBe(true);
    expect(proxy.seen).toEqual([`${unreachable}/api/v3/agent/balance`]);
  });

  it('lower-case http_proxy works too', async () => {
    const { result, proxy } = await check({ http_proxy: 'PROXY' });
    expect(result.ok).toBe(true);
    expect(proxy.seen).toHaveLength(1);
  });

  it('NO_PROXY naming the host bypasses the proxy', async () => {
    const { result, proxy } = await check({ HTTP_PROXY: 'PROXY', NO_PROXY: 'example.com, 127.0.0.1' });
    expect(result.ok ? 'ok' : result.failure.reason).toBe('refused');
    expect(proxy.seen).toEqual([]);
  });

  it('NO_PROXY=* bypasses the proxy', async () => {
    const { result, proxy } = await check({ HTTP_PROXY: 'PROXY', no_proxy: '*' });
    expect(result.ok).toBe(false);
    expect(proxy.seen).toEqual([]);
  });

  it('without proxy variables the request goes direct', async () => {
    const { result, proxy } = await check({});
    expect(result.ok).toBe(false);
    expect(proxy.seen).toEqual([]);
  });

  it('an unusable proxy variable is a non-retryable failure that names no URL', async () => {
    const client = createBalanceClient({ version: '1', env: { HTTP_PROXY: 'http://user:pw@[bad' } });
    closers.push(() => client.close());
    const result = await client.fetchBalance({ baseUrl: 'http://127.0.0.1:9', appkey: 'k' }, 's');
    expect(result.ok ? null : result.failure).toMatchObject({ kind: 'network', reason: 'other', retryable: false });
    expect(JSON.stringify(result)).not.toContain('pw');
  });
});

describe('proxyFor', () => {
  const https = new URL('https://oapi.eiotclub.com/api');
  const env = { HTTPS_PROXY: 'http://secure:3128', HTTP_PROXY: 'http://plain:3128' };

  it('picks HTTPS_PROXY for https and HTTP_PROXY for http', () => {
    expect(proxyFor(https, env)).toBe('http://secure:3128');
    expect(proxyFor(new URL('http://localhost:8080'), env)).toBe('http://plain:3128');
  });

  it('falls back to HTTP_PROXY for https when HTTPS_PROXY is unset', () => {
    expect(proxyFor(https, { HTTP_PROXY: 'http://plain:3128' })).toBe('http://plain:3128');
  });

  it('prefers the lower-case variable', () => {
    expect(proxyFor(https, { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:1' })).toBe('http://lower:1');
  });

  it.each([
    ['eiotclub.com', null],
    ['.eiotclub.com', null],
    ['*.eiotclub.com', null],
    ['oapi.eiotclub.com:443', null],
    ['oapi.eiotclub.com:8443', 'http://secure:3128'],
    ['other.com', 'http://secure:3128'],
    ['notoapi.eiotclub.com', 'http://secure:3128'],
  ])('NO_PROXY=%s', (noProxy, expected) => {
    expect(proxyFor(https, { ...env, NO_PROXY: noProxy })).toBe(expected);
  });

  it('a domain entry with a leading dot does not cover the domain itself', () => {
    expect(proxyFor(new URL('https://eiotclub.com'), { ...env, NO_PROXY: '.eiotclub.com' })).toBe('http://secure:3128');
  });

  it('matches IPv6 loopback with or without brackets', () => {
    expect(proxyFor(new URL('http://[::1]:8080'), { ...env, NO_PROXY: '::1' })).toBeNull();
    expect(proxyFor(new URL('http://[::1]:8080'), { ...env, NO_PROXY: '[::1]:8080' })).toBeNull();
  });

  it('empty variables mean no proxy', () => {
    expect(proxyFor(https, { HTTPS_PROXY: '', HTTP_PROXY: ' ' })).toBeNull();
    expect(proxyFor(https, { https_proxy: '', HTTPS_PROXY: 'http://upper:1' })).toBe('http://upper:1');
  });
});
