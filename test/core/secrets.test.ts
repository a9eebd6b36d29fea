import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError } from '../../src/main/core/errors.js';
import type { SecretStore } from '../../src/main/core/ports.js';
import { KEYCHAIN_SERVICE, KeychainSecretStore, type KeytarApi } from '../../src/main/core/secrets/keytar.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { SessionFallbackSecretStore } from '../../src/main/core/secrets/session-fallback.js';

const SECRET = 'sk-live-VERY-SECRET-42';

/** keytar's surface over a Map, recording every call; `failWith` makes each call throw. */
class FakeKeytar implements KeytarApi {
  readonly entries = new Map<string, string>();
  readonly calls: string[] = [];
  failWith: Error | null = null;

  async getPassword(service: string, account: string): Promise<string | null> {
    this.#record('get', service, account);
    return this.entries.get(`${service}/${account}`) ?? null;
  }
  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.#record('set', service, account);
    this.entries.set(`${service}/${account}`, password);
  }
  async deletePassword(service: string, account: string): Promise<boolean> {
    this.#record('delete', service, account);
    return this.entries.delete(`${service}/${account}`);
  }
  #record(call: string, service: string, account: string): void {
    this.calls.push(`${call} ${service}/${account}`);
    if (this.failWith) throw this.failWith;
  }
}

function keychainOver(fake: FakeKeytar, platform: NodeJS.Platform = 'linux'): KeychainSecretStore {
  return new KeychainSecretStore({ load: async () => fake, platform });
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('MemorySecretStore', () => {
  it('gets, replaces and deletes per account', async () => {
    const store: SecretStore = new MemorySecretStore();
    expect(await store.get({ id: 'a', label: '' })).toBeNull();
    await store.set('a', 'one');
    await store.set('b', 'two');
    await store.set('a', 'three');
    expect(await store.get({ id: 'a', label: '' })).toBe('three');
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await store.get({ id: 'b', label: '' })).toBe('two');
  });

  it('does not show secrets when logged or serialised', async () => {
    const store = new MemorySecretStore();
    await store.set('a', SECRET);
    expect(inspect(store, { showHidden: true, depth: 5 })).not.toContain(SECRET);
    expect(JSON.stringify(store)).not.toContain(SECRET);
  });
});

describe('KeychainSecretStore (keytar faked)', () => {
  it('uses service "EIOT Balance" and the account id, replacing without deleting', async () => {
    const fake = new FakeKeytar();
    const store = keychainOver(fake);
    await store.set('id-1', 'first');
    await store.set('id-1', 'second');
    expect(await store.get({ id: 'id-1', label: '' })).toBe('second');
    expect(KEYCHAIN_SERVICE).toBe('EIOT Balance');
    expect(fake.calls).toEqual(['set EIOT Balance/id-1', 'set EIOT Balance/id-1', 'get EIOT Balance/id-1']);
    expect(await store.delete('id-1')).toBe(true);
    expect(await store.get({ id: 'id-1', label: '' })).toBeNull();
  });

  it('turns a keytar that cannot load into KeychainUnavailableError, and tries again later', async () => {
    let attempts = 0;
    const fake = new FakeKeytar();
    const store = new KeychainSecretStore({
      platform: 'linux',
      load: async () => {
        attempts++;
        if (attempts === 1) throw new Error('libsecret-1.so.0: cannot open shared object file');
        return fake;
      },
    });
    const error = await caught(store.set('id', SECRET));
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.message).toContain('apt install gnome-keyring libsecret-1-0');
    expect(error.message).toContain('libsecret-1.so.0');
    await store.set('id', SECRET);
    expect(fake.entries.get('EIOT Balance/id')).toBe(SECRET);
  });

  it.each([
    'The name org.freedesktop.secrets was not provided by any .service files',
    'Cannot autolaunch D-Bus without X11 $DISPLAY',
    'Could not connect: No such file or directory',
    'Unknown or unsupported transport “disabled” for address “disabled:”',
    'No such interface “org.freedesktop.Secret.Collection” on object at path /org/freedesktop/secrets/collection/login',
    'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
    'Cannot create an item in a locked collection',
  ])('Linux "%s" means no keychain: typed error with the install hint', async (message) => {
    const fake = new FakeKeytar();
    fake.failWith = new Error(message);
    for (const call of [
      keychainOver(fake).get({ id: 'id', label: '' }),
      keychainOver(fake).set('id', SECRET),
      keychainOver(fake).delete('id'),
    ]) {
      const error = await caught(call);
      expect(error).toBeInstanceOf(KeychainUnavailableError);
      expect(error.message.startsWith('No system keychain found. Install and unlock a Secret Service')).toBe(true);
    }
  });

  it('keeps other keychain failures as plain errors (access denied is not "no keychain")', async () => {
    const fake = new FakeKeytar();
    fake.failWith = new Error('User canceled the operation.');
    const error = await caught(keychainOver(fake, 'darwin').set('id', SECRET));
    expect(error).not.toBeInstanceOf(KeychainUnavailableError);
    expect(error.message).toBe('Keychain error: User canceled the operation.');
  });

  it('never lets the secret into an error, even when the backend echoes it', async () => {
    const fake = new FakeKeytar();
    for (const [platform, message] of [
      ['linux', `Could not connect while storing ${SECRET}`],
      ['win32', `odd failure for ${SECRET}`],
    ] as const) {
      fake.failWith = new Error(message);
      const error = await caught(keychainOver(fake, platform).set('id', SECRET));
      expect(`${error.message} ${error.stack} ${inspect(error)}`).not.toContain(SECRET);
    }
  });
});

describe('SessionFallbackSecretStore', () => {
  const unavailable = () => new KeychainUnavailableError('No system keychain found. Install ...');

  it('saves to the keychain when there is one', async () => {
    const fake = new FakeKeytar();
    const store = new SessionFallbackSecretStore(keychainOver(fake));
    await store.set('id', SECRET);
    expect(store.isSessionOnly('id')).toBe(false);
    expect(fake.entries.get('EIOT Balance/id')).toBe(SECRET);
    expect(await store.get({ id: 'id', label: '' })).toBe(SECRET);
    expect(store.unavailable).toBeNull();
  });

  it('keeps the secret for the session when there is no keychain, and says so', async () => {
    const fake = new FakeKeytar();
    fake.failWith = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    const store = new SessionFallbackSecretStore(keychainOver(fake));
    await store.set('id', SECRET);
    expect(store.isSessionOnly('id')).toBe(true);
    expect(store.isSessionOnly('other')).toBe(false);
    expect(await store.get({ id: 'id', label: '' })).toBe(SECRET);
    expect(await store.get({ id: 'other', label: '' })).toBeNull();
    expect(store.unavailable).toBeInstanceOf(KeychainUnavailableError);
    expect(store.unavailable?.message).toContain('gnome-keyring');
    expect(store.unavailable?.message).not.toContain(SECRET);
    expect(inspect(store, { showHidden: true, depth: 5 })).not.toContain(SECRET);

    expect(await store.delete('id')).toBe(true);
    expect(store.isSessionOnly('id')).toBe(false);
    expect(await store.get({ id: 'id', label: '' })).toBeNull();
  });

  it('moves a session secret into the keychain once one is available', async () => {
    const primary = new MemorySecretStore();
    let down = true;
    const flaky: SecretStore = {
      get: (id) => (down ? Promise.reject(unavailable()) : primary.get(id)),
      set: (id, secret) => (down ? Promise.reject(unavailable()) : primary.set(id, secret)),
      delete: (id) => (down ? Promise.reject(unavailable()) : primary.delete(id)),
      isSessionOnly: () => false,
    };
    const store = new SessionFallbackSecretStore(flaky);
    await store.set('id', 'old');
    expect(store.isSessionOnly('id')).toBe(true);
    down = false;
    await store.set('id', 'new');
    expect(store.isSessionOnly('id')).toBe(false);
    expect(await primary.get({ id: 'id', label: '' })).toBe('new');
    expect(await store.get({ id: 'id', label: '' })).toBe('new');
  });

  it('does not hide other keychain errors behind the session fallback', async () => {
    const failing: SecretStore = {
      get: () => Promise.reject(new Error('Keychain error: access denied')),
      set: () => Promise.reject(new Error('Keychain error: access denied')),
      delete: () => Promise.reject(new Error('Keychain error: access denied')),
      isSessionOnly: () => false,
    };
    const store = new SessionFallbackSecretStore(failing);
    await expect(store.set('id', SECRET)).rejects.toThrow('access denied');
    await expect(store.get({ id: 'id', label: '' })).rejects.toThrow('access denied');
    expect(store.isSessionOnly('id')).toBe(false);
  });
});
