// The engine when the disk or the keychain says no: notices still go out exactly once, the
// cause is reported, the state catches up when the disk recovers, and a refused keychain
// leaves neither a ghost account nor an orphaned secret.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineProblem } from '../../src/main/core/engine-api.js';
import { historyPath } from '../../src/main/core/history/file-store.js';
import type { DocumentStore, SecretStore, StateStore } from '../../src/main/core/ports.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { openConfStore } from '../../src/main/core/settings/conf-store.js';
import { fileStateStore, statePath } from '../../src/main/core/state/state-files.js';
import { stopTestSimulators, TEST_ACCOUNT } from '../helpers/simulator.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
  await stopTestSimulators();
});

const kinds = (h: Harness) => h.notices.map((n) => n.kind);

function diskError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real state files, with a switch that makes every write fail like a sick disk. */
function sickDisk(dataDir: string): StateStore & { failWith: string | null } {
  const real = fileStateStore(dataDir);
  const store = {
    failWith: null as string | null,
    read: (id: string) => real.read(id),
    has: (id: string) => real.has(id),
    remove: (id: string) => real.remove(id),
    write(id: string, alerts: unknown) {
      if (store.failWith) throw diskError(store.failWith);
      real.write(id, alerts);
    },
  };
  return store;
}

function storedAlerts(dataDir: string, id: string): unknown {
  const file = statePath(dataDir, id);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { alerts: unknown }).alerts : undefined;
}

describe('a disk that refuses the alert state', () => {
  it.each(['ENOSPC', 'EACCES', 'EBUSY'])(
    '%s: the low notice is delivered once, the cause reported, the state written when the disk recovers',
    async (code) => {
      let disk: ReturnType<typeof sickDisk> | null = null;
      const problems: EngineProblem[] = [];
      harness = await startHarness({ balance: { values: ['200.00', '90.00', '90.00', '90.00'] } }, (dataDir) => {
        disk = sickDisk(dataDir);
        return { state: disk, onError: (problem) => problems.push(problem) };
      });
      const sick = disk as unknown as ReturnType<typeof sickDisk>;
      const { id } = await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
      await harness.poll();
      sick.failWith = code;

      await harness.poll();
      expect(kinds(harness)).toEqual(['low']);
      expect(problems).toHaveLength(1);
      expect((problems[0]?.error as NodeJS.ErrnoException).code).toBe(code);
      expect(problems[0]?.accountId).toBe(id);
      // Nothing on disk yet (the first poll had nothing to remember): read back, that is the initial state.
      expect(storedAlerts(harness.dataDir, id)).toBeUndefined();

      // Still failing: no second notice, no second report for the same run of failures.
      await harness.poll();
      expect(kinds(harness)).toEqual(['low']);
      expect(problems).toHaveLength(1);

      // The disk recovers: the next retry (timer or poll, whichever comes first) writes it.
      sick.failWith = null;
      await harness.poll();
      expect(storedAlerts(harness.dataDir, id)).toMatchObject({ lowNotified: true });
      expect(kinds(harness)).toEqual(['low']);

      // A restart reads the recovered state: the episode is not announced again.
      await harness.restart();
      await harness.poll();
      expect(kinds(harness)).toEqual(['low']);
    },
  );

  it('alert state never goes into config.json: polling leaves the settings file alone', async () => {
    harness = await startHarness({ balance: { values: ['200.00', '90.00', '40.00'] } });
    await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    const settings = path.join(harness.dataDir, 'config.json');
    const before = readFileSync(settings, 'utf8');
    for (let i = 0; i < 3; i++) await harness.poll();
    expect(kinds(harness)).toEqual(['low', 'critical']);
    expect(readFileSync(settings, 'utf8')).toBe(before);
  });
});

/** A keychain that works until told to refuse (the user clicked "Deny"). */
function refusingKeychain(): SecretStore & { refuse: { set: boolean; delete: boolean }; inner: MemorySecretStore } {
  const inner = new MemorySecretStore();
  const refuse = { set: false, delete: false };
  return {
    inner,
    refuse,
    get: (ref) => inner.get(ref),
    set: (id, secret) => (refuse.set ? Promise.reject(new Error('Keychain error: denied')) : inner.set(id, secret)),
    delete: (id) => (refuse.delete ? Promise.reject(new Error('Keychain error: denied')) : inner.delete(id)),
    isSessionOnly: () => false,
  };
}

describe('add and remove in the app engine when a step fails', () => {
  it('a refused keychain write adds nothing: no ghost account, and the same label can be retried', async () => {
    const keychain = refusingKeychain();
    harness = await startHarness({ balance: { values: ['200.00'] } }, () => ({ secrets: keychain }));
    keychain.refuse.set = true;
    await expect(harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret)).rejects.toThrow('denied');
    expect(harness.engine.snapshot().accounts).toEqual([]);
    expect(existsSync(path.join(harness.dataDir, 'config.json'))).toBe(false);

    keychain.refuse.set = false;
    const added = await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    expect(harness.engine.snapshot().accounts.map((a) => a.label)).toEqual(['Main']);
    expect(await keychain.inner.get({ id: added.id, label: '' })).toBe(TEST_ACCOUNT.secret);
  });

  it('a settings file that cannot be written takes the new secret back out', async () => {
    const keychain = refusingKeychain();
    let conf: DocumentStore | null = null;
    let readOnly = false;
    harness = await startHarness({ balance: { values: ['200.00'] } }, (dataDir) => {
      conf = openConfStore(dataDir);
      const real = conf;
      const store: DocumentStore = {
        path: real.path,
        read: () => real.read(),
        write: (document) => {
          if (readOnly) throw diskError('EACCES');
          real.write(document);
        },
      };
      return { secrets: keychain, store, newId: () => 'the-new-id' };
    });
    readOnly = true;
    await expect(harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret)).rejects.toThrow('EACCES');
    expect(harness.engine.snapshot().accounts).toEqual([]);
    expect(await keychain.inner.get({ id: 'the-new-id', label: '' })).toBeNull();
  });

  it('a refused keychain delete removes nothing: account, secret and history all stay', async () => {
    const keychain = refusingKeychain();
    harness = await startHarness({ balance: { values: ['200.00'] } }, () => ({ secrets: keychain }));
    const { id } = await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    await harness.poll();
    await harness.engine.stop(); // flushes the history file
    await harness.engine.start();
    const history = historyPath(harness.dataDir, id);
    expect(existsSync(history)).toBe(true);

    keychain.refuse.delete = true;
    await expect(harness.engine.removeAccount(id)).rejects.toThrow('denied');
    expect(harness.engine.snapshot().accounts.map((a) => a.id)).toEqual([id]);
    expect(readFileSync(path.join(harness.dataDir, 'config.json'), 'utf8')).toContain(id);
    expect(await keychain.inner.get({ id, label: '' })).toBe(TEST_ACCOUNT.secret);
    expect(existsSync(history)).toBe(true);

    keychain.refuse.delete = false;
    await harness.engine.removeAccount(id);
    expect(harness.engine.snapshot().accounts).toEqual([]);
    expect(await keychain.inner.get({ id, label: '' })).toBeNull();
    expect(existsSync(history)).toBe(false);
  });

  it('a settings file that cannot be written on remove puts the secret and history back', async () => {
    const keychain = refusingKeychain();
    let readOnly = false;
    harness = await startHarness({ balance: { values: ['200.00'] } }, (dataDir) => {
      const real = openConfStore(dataDir);
      const store: DocumentStore = {
        path: real.path,
        read: () => real.read(),
        write: (document) => {
          if (readOnly) throw diskError('EBUSY');
          real.write(document);
        },
      };
      return { secrets: keychain, store };
    });
    const { id } = await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    const history = historyPath(harness.dataDir, id);
    mkdirSync(path.dirname(history), { recursive: true });
    writeFileSync(history, '{"version":1,"entries":[]}');
    readOnly = true;
    await expect(harness.engine.removeAccount(id)).rejects.toThrow('EBUSY');
    expect(harness.engine.snapshot().accounts.map((a) => a.id)).toEqual([id]);
    expect(await keychain.inner.get({ id, label: '' })).toBe(TEST_ACCOUNT.secret);
    expect(readFileSync(history, 'utf8')).toBe('{"version":1,"entries":[]}');
  });
});
