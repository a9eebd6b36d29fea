// A config.json written by a newer version (after a downgrade, or a second machine sharing
// the folder) survives every command byte for byte: read-only commands use what they can
// and say which version wrote it; changes are refused with that message. The real CLI
// entry point in this process (for an in-memory keychain), on real files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { runMain } from './in-process.js';
import { tempHome } from '../helpers/temp-home.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({
    accounts: [{ appkey: 'n-key', secret: 'n-secret' }],
    balance: { values: ['80.00'] },
  });
});
afterAll(() => simulator.close());

function newerFile(baseUrl: string): string {
  return `${JSON.stringify(
    {
      schemaVersion: 9,
      settings: { language: 'en', sounds: 'chime' },
      accounts: [
        { id: 'n1', label: 'Future', appkey: 'n-key', baseUrl, pollIntervalSec: 300, enabled: true, colour: 'teal' },
      ],
      sync: { peers: 2 },
    },
    null,
    '\t',
  )}\n`;
}

describe('a settings file from a newer version', () => {
  it('survives accounts list, check, history and refused changes byte for byte', async () => {
    const home = tempHome();
    const file = path.join(home, 'config.json');
    const content = newerFile(simulator.url);
    writeFileSync(file, content);
    const keychain = new MemorySecretStore();
    await keychain.set('n1', 'n-secret');
    const env = { EIOT_BALANCE_HOME: home, LANG: 'C' };
    const run = (argv: string[], stdin?: string) =>
      runMain(argv, { env, services: { keychain: () => keychain }, ...(stdin ? { stdin } : {}) });

    const listed = await run(['accounts', 'list', '--json']);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ id: 'n1', label: 'Future', hasSecret: true });
    expect(listed.stderr).toMatch(/written by a newer version of EIOT Balance \(schema 9\)/);

    const checked = await run(['check']);
    expect(checked.stdout).toMatch(/^Future: USD 80\.00/);

    const history = await run(['history']);
    expect(history.status).toBe(0);

    const added = await run(
      ['accounts', 'add', '--label', 'New', '--appkey', 'x', '--base-url', simulator.url, '--secret-stdin'],
      'another-secret\n',
    );
    expect(added.status).toBe(2);
    expect(added.stderr).toMatch(/Nothing was changed: .*newer version of EIOT Balance \(schema 9\)/);
    const removed = await run(['accounts', 'remove', 'Future']);
    expect(removed.status).toBe(2);
    expect(await keychain.get({ id: 'n1', label: 'Future' })).toBe('n-secret');

    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(readdirSync(home).filter((name) => name.startsWith('config'))).toEqual(['config.json']);
  });

  it('names the first invalid field and its path, and leaves an invalid file in place on a read', async () => {
    const home = tempHome();
    const file = path.join(home, 'config.json');
    const content = JSON.stringify({
      schemaVersion: 2,
      accounts: [{ id: 'a', label: 'L', appkey: 'k', baseUrl: 'https://x.example', pollIntervalSec: 5 }],
    });
    writeFileSync(file, content);
    const listed = await runMain(['accounts', 'list'], {
      env: { EIOT_BALANCE_HOME: home, LANG: 'C' },
      services: { keychain: () => new MemorySecretStore() },
    });
    expect(listed.stderr).toMatch(/accounts\[0\]\.pollIntervalSec/);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});
