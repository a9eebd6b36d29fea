import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentStore } from '../../src/main/core/ports.js';
import { runServe, ServeConfigError, type RunningServe, type ServeOptions } from '../../src/main/serve/index.js';
import type { AccountSnapshot } from '../../src/shared/types.js';
import { FakeEngine, account } from './fake-engine.js';

const SECRET = 'sekrit-value-42';
const emptyStore: DocumentStore = { read: () => undefined, write: () => undefined, path: '/nowhere/config.json' };
const running: RunningServe[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.close()));
});

function privateFile(content: string, mode = 0o600): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'eiot-serve-')), 'file');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

async function start(accounts: AccountSnapshot[], extra: Partial<ServeOptions> = {}) {
  const engine = new FakeEngine(accounts);
  const err: string[] = [];
  const out: string[] = [];
  const service = await runServe({
    port: 0,
    host: '127.0.0.1',
    env: { EIOT_SECRET_A: SECRET },
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { write: (chunk: string) => err.push(chunk) },
    dataDir: '/nowhere',
    version: '9.9.9',
    store: emptyStore,
    engineFactory: () => engine,
    ...extra,
  });
  running.push(service);
  const get = (p: string, init?: RequestInit) => fetch(`http://127.0.0.1:${service.port}${p}`, init);
  return { engine, service, get, err, out };
}

describe('serve over HTTP', () => {
  it('serves metrics, health and status, 404 elsewhere, 405 for other methods', async () => {
    const { get, out } = await start([account({ id: 'a', label: 'A' })]);
    expect(out.join('')).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\/metrics/);
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toContain('eiot_balance_up{account="A"} 0');
    expect((await get('/healthz')).status).toBe(200);
    const status = await get('/api/status?pretty');
    expect(status.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await status.json()).accounts[0].label).toBe('A');
    expect((await get('/nope')).status).toBe(404);
    const post = await get('/metrics', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('never serves a status body that holds a secret', async () => {
    const { get, engine } = await start([account({ id: 'a', label: 'A' })]);
    const clean = await (await get('/api/status')).text();
    expect(clean).not.toContain(SECRET);
    // Were a bug ever to put it into a snapshot, the last guard refuses the body.
    engine.emit([account({ id: 'a', label: `A ${SECRET}` })]);
    const leaked = await get('/api/status');
    expect(leaked.status).toBe(500);
    expect(await leaked.text()).not.toContain(SECRET);
  });

  it('guards every path but /healthz with the bearer token from --token-file', async () => {
    const tokenFile = privateFile('tok-123456789\n');
    const { get } = await start([account({ id: 'a', label: 'A' })], { host: '127.0.0.1', tokenFile });
    for (const p of ['/metrics', '/api/status', '/nope']) {
      const denied = await get(p);
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect((await get(p, { headers: { Authorization: 'Bearer wrong-token' } })).status).toBe(401);
    }
    expect((await get('/metrics', { headers: { Authorization: 'Bearer tok-123456789' } })).status).toBe(200);
    expect((await get('/api/status', { headers: { Authorization: 'bearer tok-123456789' } })).status).toBe(200);
    expect((await get('/healthz')).status).toBe(200);
  });

  it('warns when listening beyond loopback without a token', async () => {
    const { err } = await start([account({ id: 'a', label: 'A' })], { host: '0.0.0.0' });
    expect(err.join('')).toMatch(/without --token-file/);
  });

  it('stops the engine on close and reports unhealthy no more requests', async () => {
    const { service, engine, get } = await start([account({ id: 'a', label: 'A' })]);
    await service.close();
    expect(engine.stopped).toBe(true);
    await expect(get('/healthz')).rejects.toThrow();
  });
});

describe('serve refuses to start', () => {
  it('when an enabled account has no secret source, naming it and where to put one', async () => {
    const engine = new FakeEngine([
      account({ id: 'a', label: 'A' }),
      account({ id: 'b1', label: 'Shop EU', hasSecret: false }),
      account({ id: 'c', label: 'Off', hasSecret: false, enabled: false }),
    ]);
    const attempt = start([], { engineFactory: () => engine });
    await expect(attempt).rejects.toThrow(ServeConfigError);
    await expect(attempt).rejects.toThrow(/"Shop EU" \(b1\): set EIOT_SECRET_B1 or EIOT_SECRET_SHOP_EU/);
    await expect(attempt).rejects.not.toThrow(/Off/);
    expect(engine.stopped).toBe(true);
  });

  it('when there is no account at all', async () => {
    await expect(start([])).rejects.toThrow(/no accounts/);
  });

  it('when the secrets file may be read by others', async () => {
    const secretsFile = privateFile(`A=${SECRET}\n`, 0o644);
    const attempt = start([account({ id: 'a', label: 'A' })], { secretsFile });
    await expect(attempt).rejects.toThrow(/mode 0644.*chmod 600/);
    await expect(attempt).rejects.not.toThrow(SECRET);
  });

  it('when the token file may be read by others, or is empty', async () => {
    await expect(start([account({ id: 'a' })], { tokenFile: privateFile('tok', 0o640) })).rejects.toThrow(/mode 0640/);
    await expect(start([account({ id: 'a' })], { tokenFile: privateFile('\n') })).rejects.toThrow(/one token/);
  });

  it('when the port is taken', async () => {
    const first = await start([account({ id: 'a' })]);
    const engine = new FakeEngine([account({ id: 'a' })]);
    await expect(start([], { port: first.service.port, engineFactory: () => engine })).rejects.toThrow(/EADDRINUSE/);
    expect(engine.stopped).toBe(true);
  });
});
