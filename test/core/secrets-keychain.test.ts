/**
 * KeychainSecretStore against a real Secret Service (gnome-keyring on a private D-Bus), and
 * against none at all. libsecret connects to the session bus once per process, so the bus
 * address is set before keytar is first loaded, and "no keychain" runs in child processes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, KeychainSecretStore } from '../../src/main/core/secrets/keytar.js';
import { skipOrFail, startKeychain } from '../helpers/keychain.js';

const keychain = await startKeychain();
const skipReason = 'skipReason' in keychain ? keychain.skipReason : null;
if ('env' in keychain) Object.assign(process.env, keychain.env);
else skipOrFail(keychain.skipReason);
afterAll(async () => {
  if ('stop' in keychain) await keychain.stop();
});

const hasGdbus = spawnSync('sh', ['-c', 'command -v gdbus'], { stdio: 'ignore' }).status === 0;

interface Keytar {
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}
async function rawKeytar(): Promise<Keytar> {
  const module = await import('keytar');
  return (module as { default?: Keytar }).default ?? module;
}

/** The D-Bus object paths of the items in the default collection: one per stored entry. */
function itemPaths(): string[] {
  const out = execFileSync('gdbus', [
    'call',
    '--session',
    '--dest',
    'org.freedesktop.secrets',
    '--object-path',
    '/org/freedesktop/secrets/aliases/default',
    '--method',
    'org.freedesktop.DBus.Properties.Get',
    'org.freedesktop.Secret.Collection',
    'Items',
  ]).toString();
  return [...out.matchAll(/'(\/org\/freedesktop\/secrets\/collection\/[^']+)'/g)].map((m) => m[1] ?? '');
}

describe.skipIf(skipReason !== null)('KeychainSecretStore on gnome-keyring', () => {
  const store = new KeychainSecretStore();

  it('stores, reads, replaces and deletes one entry per account', async () => {
    expect(await store.get({ id: 'acct-1', label: '' })).toBeNull();
    await store.set('acct-1', 'first-secret');
    await store.set('acct-2', 'other-secret');
    expect(await store.get({ id: 'acct-1', label: '' })).toBe('first-secret');

    await store.set('acct-1', 'second-secret');
    expect(await store.get({ id: 'acct-1', label: '' })).toBe('second-secret');
    expect(await store.get({ id: 'acct-2', label: '' })).toBe('other-secret');
    const entries = (await (await rawKeytar()).findCredentials(KEYCHAIN_SERVICE)).filter(
      (entry) => entry.account === 'acct-1',
    );
    expect(entries).toEqual([{ account: 'acct-1', password: 'second-secret' }]);

    expect(await store.delete('acct-1')).toBe(true);
    expect(await store.get({ id: 'acct-1', label: '' })).toBeNull();
    expect(await store.delete('acct-1')).toBe(false);
    expect(await store.get({ id: 'acct-2', label: '' })).toBe('other-secret');
    await store.delete('acct-2');
  });

  it.skipIf(!hasGdbus)('replaces a secret in place: the same keychain item, not a new one', async () => {
    await store.set('in-place', 'before');
    const before = itemPaths();
    await store.set('in-place', 'after');
    expect(itemPaths()).toEqual(before);
    expect(await store.get({ id: 'in-place', label: '' })).toBe('after');
    await store.delete('in-place');
    expect(itemPaths()).toHaveLength(before.length - 1);
  });

  it('keeps unicode and long secrets exactly', async () => {
    const secrets = ['密钥-secret', 'emoji 🔑 and spaces', 'é'.repeat(200), 'x'.repeat(512)];
    for (const [index, secret] of secrets.entries()) {
      await store.set(`unicode-${index}`, secret);
      expect(await store.get({ id: `unicode-${index}`, label: '' })).toBe(secret);
      await store.delete(`unicode-${index}`);
    }
  });
});

describe('KeychainSecretStore without a Secret Service', () => {
  let dir: string;
  let script: string;
  const secret = 'hunter2-do-not-leak';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'eiot-nokeychain-'));
    script = path.join(dir, 'probe.mjs');
    const keytarPath = createRequire(import.meta.url).resolve('keytar');
    const entry = path.resolve('src/main/core/secrets/keytar.ts');
    const result = await build({
      stdin: {
        contents: `
          import { KeychainSecretStore } from ${JSON.stringify(entry)};
          const store = new KeychainSecretStore();
          const outcome = {};
          for (const [name, run] of [
            ['set', () => store.set('acct', ${JSON.stringify(secret)})],
            ['get', () => store.get({ id: 'acct', label: '' })],
          ]) {
            try { outcome[name] = { ok: await run() }; }
            catch (error) { outcome[name] = { name: error.name, message: error.message, stack: String(error.stack) }; }
          }
          console.log(JSON.stringify(outcome));`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      // keytar is native: leave it in node_modules, addressed absolutely from the temp dir.
      plugins: [
        {
          name: 'keytar-absolute',
          setup(b) {
            b.onResolve({ filter: /^keytar$/ }, () => ({ path: keytarPath, external: true }));
          },
        },
      ],
    });
    writeFileSync(script, result.outputFiles[0]?.text ?? '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function probe(env: Record<string, string>): Record<string, { name?: string; message?: string; stack?: string }> {
    const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, ...rest } = process.env;
    const out = execFileSync(process.execPath, [script], { env: { ...rest, ...env }, timeout: 15_000 });
    return JSON.parse(out.toString().trim().split('\n').pop() ?? '{}');
  }

  it.runIf(process.platform === 'linux').each([
    ['a bus address that leads nowhere', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/eiot-bus' }],
    ['no session bus at all', {}],
  ])('%s: KeychainUnavailableError with the install hint, and no secret', (_case, env) => {
    const outcome = probe(env);
    for (const name of ['set', 'get']) {
      expect(outcome[name]?.name).toBe('KeychainUnavailableError');
      expect(outcome[name]?.message).toContain('apt install gnome-keyring libsecret-1-0');
      expect(JSON.stringify(outcome[name])).not.toContain(secret);
    }
  });
});
