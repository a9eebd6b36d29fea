import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError } from '../../src/main/core/errors.js';
import type { SecretStore } from '../../src/main/core/ports.js';
import { HeadlessSecretStore, envName, parseSecretsFile, readPrivateFile } from '../../src/main/serve/secrets.js';

const accounts = [
  { id: 'id-1', label: 'Shop EU' },
  { id: 'id-2', label: 'Twin' },
  { id: 'id-3', label: 'twin' },
  { id: 'id-4', label: '中国' },
];

function store(env: Record<string, string>, file?: Record<string, string>, fallback?: SecretStore) {
  return new HeadlessSecretStore({
    env,
    accounts: () => accounts,
    ...(file ? { file: new Map(Object.entries(file)) } : {}),
    ...(fallback ? { fallback } : {}),
  });
}

const keychain = (get: SecretStore['get']): SecretStore => ({
  get,
  set: async () => undefined,
  delete: async () => false,
  isSessionOnly: () => false,
});

/** The account as the engine asks for its secret: id and label together. */
const ref = (id: string) => accounts.find((account) => account.id === id) ?? { id, label: '' };

describe('headless secrets', () => {
  it('names variables in upper snake case', () => {
    expect(envName('Shop EU-2')).toBe('EIOT_SECRET_SHOP_EU_2');
    expect(envName('  a..b  ')).toBe('EIOT_SECRET_A_B');
    expect(envName('中国')).toBeNull();
  });

  it('looks in the id variable, the label variable, the file by id, the file by label, then the keychain', async () => {
    const fallback = keychain(async ({ id }) => (id === 'id-1' ? 'from-keychain' : null));
    const all = { EIOT_SECRET_ID_1: 'env-id', EIOT_SECRET_SHOP_EU: 'env-label' };
    expect(await store(all, { 'id-1': 'file-id' }, fallback).get(ref('id-1'))).toBe('env-id');
    expect(await store({ EIOT_SECRET_SHOP_EU: 'env-label' }, { 'id-1': 'file-id' }, fallback).get(ref('id-1'))).toBe(
      'env-label',
    );
    expect(await store({}, { 'id-1': 'file-id', 'Shop EU': 'file-label' }, fallback).get(ref('id-1'))).toBe('file-id');
    expect(await store({}, { 'Shop EU': 'file-label' }, fallback).get(ref('id-1'))).toBe('file-label');
    expect(await store({}, {}, fallback).get(ref('id-1'))).toBe('from-keychain');
    expect(await store({}, {}).get(ref('id-1'))).toBeNull();
  });

  it('finds a secret by the label that comes with the request, for an account it has not seen yet', async () => {
    const empty = new HeadlessSecretStore({ env: { EIOT_SECRET_NEW_SHOP: 'by-label' }, accounts: () => [] });
    expect(await empty.get({ id: 'fresh-id', label: 'New shop' })).toBe('by-label');
    expect(empty.isSessionOnly()).toBe(false);
  });

  it('lets a label that two accounts share name neither of them', async () => {
    const twins = store({ EIOT_SECRET_TWIN: 'x' }, { Twin: 'y' });
    expect(await twins.get(ref('id-2'))).toBe('y');
    expect(await twins.get(ref('id-3'))).toBeNull();
    expect(twins.sourceNames(ref('id-2'))).toEqual(['EIOT_SECRET_ID_2']);
    expect(await store({}, { 中国: 'z' }).get(ref('id-4'))).toBe('z');
  });

  it("never uses a name that is one account's label and another's id, and lists it as ambiguous", async () => {
    const pair = [
      { id: 'shop', label: 'Main' },
      { id: 'b2', label: 'shop' },
    ];
    const both = new HeadlessSecretStore({
      env: { EIOT_SECRET_SHOP: 'x', EIOT_SECRET_MAIN: 'm' },
      file: new Map([['shop', 'f']]),
      accounts: () => pair,
    });
    expect(await both.get(pair[1] as (typeof pair)[number])).toBeNull();
    expect(await both.get(pair[0] as (typeof pair)[number])).toBe('m');
    expect(both.sourceNames(pair[1] as (typeof pair)[number])).toEqual(['EIOT_SECRET_B2']);
    expect(both.ambiguities()).toEqual([
      { source: 'EIOT_SECRET_SHOP', accounts: pair },
      { source: 'shop', accounts: pair },
    ]);
    expect(
      store({ EIOT_SECRET_TWIN: 'x' })
        .ambiguities()
        .map((found) => found.source),
    ).toEqual(['EIOT_SECRET_TWIN']);
    expect(store({ EIOT_SECRET_SHOP_EU: 'x' }).ambiguities()).toEqual([]);
  });

  it('treats a missing keychain as no secret, but passes any other keychain error on', async () => {
    const none = keychain(async () => {
      throw new KeychainUnavailableError('install gnome-keyring');
    });
    expect(await store({}, {}, none).get(ref('id-1'))).toBeNull();
    const denied = keychain(async () => {
      throw new Error('user denied');
    });
    await expect(store({}, {}, denied).get(ref('id-1'))).rejects.toThrow('user denied');
  });

  it('is read-only', async () => {
    await expect(store({}).set()).rejects.toThrow(/read-only/);
    await expect(store({}).delete()).rejects.toThrow(/read-only/);
  });

  it('lists the secrets it holds, for the output guard', () => {
    expect(store({ EIOT_SECRET_X: 'a', OTHER: 'b' }, { y: 'c' }).knownSecrets()).toEqual(['a', 'c']);
  });
});

describe('secrets file', () => {
  it('reads JSON objects and name=secret lines', () => {
    expect([...parseSecretsFile('{"Shop EU": "s1", "id-2": "s=2"}', 'f')]).toEqual([
      ['Shop EU', 's1'],
      ['id-2', 's=2'],
    ]);
    expect([...parseSecretsFile('# team\n\nShop EU = s1\r\nid-2=s=2\n', 'f')]).toEqual([
      ['Shop EU', 's1'],
      ['id-2', 's=2'],
    ]);
  });

  it('says where a line is wrong without echoing it', () => {
    expect(() => parseSecretsFile('ok=1\nhunter2-no-equals\n', 'f')).toThrow(/line 2/);
    expect(() => parseSecretsFile('ok=1\nhunter2-no-equals\n', 'f')).not.toThrow(/hunter2/);
    expect(() => parseSecretsFile('{"a": hunter2}', 'f')).not.toThrow(/hunter2/);
    expect(() => parseSecretsFile('{"a": 5}', 'f')).toThrow(/non-empty string/);
  });

  it('must not be readable by group or others', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'eiot-secrets-')), 'secrets');
    writeFileSync(file, 'a=b\n');
    for (const mode of [0o644, 0o640, 0o604, 0o660]) {
      chmodSync(file, mode);
      expect(() => readPrivateFile(file, 'secrets file', 'linux')).toThrow(/other users could read it/);
    }
    for (const mode of [0o600, 0o400]) {
      chmodSync(file, mode);
      expect(readPrivateFile(file, 'secrets file', 'linux')).toBe('a=b\n');
    }
    expect(() => readPrivateFile(`${file}.missing`, 'secrets file')).toThrow(/ENOENT/);
  });
});
