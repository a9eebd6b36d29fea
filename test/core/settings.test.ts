import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/main/core/errors.js';
import type { Clock, DocumentStore } from '../../src/main/core/ports.js';
import { openConfStore } from '../../src/main/core/settings/conf-store.js';
import { addAccount, removeAccount, updateAccount, updateSettings } from '../../src/main/core/settings/changes.js';
import { migrate } from '../../src/main/core/settings/migrations.js';
import { openSettingsFile } from '../../src/main/core/settings/open.js';
import { NewerSettingsError, SCHEMA_VERSION, SettingsFileProblem } from '../../src/main/core/settings/schema.js';
import { setAsideName } from '../../src/main/core/settings/settings-file.js';
import { fileStateStore } from '../../src/main/core/state/state-files.js';
import type { AccountInput } from '../../src/shared/ipc.js';
import { DEFAULT_SETTINGS } from '../../src/shared/types.js';

const AT = Date.UTC(2026, 10, 28, 10, 15, 2, 345);
const clock: Clock = { now: () => AT };
const ASIDE = 'config.corrupt-2026-11-28T10-15-02Z.json';

const input: AccountInput = {
  label: 'Shop',
  appkey: 'demo-appkey-01',
  baseUrl: 'https://oapi.eiotclub.com/',
  pollIntervalSec: 600,
  lowThreshold: '100',
  criticalThreshold: '20.5',
  enabled: true,
};

let dir: string;
let file: string;
// One counter per test, shared by every opener: two processes never draw the same id either.
let nextId = 0;
const ids = () => () => `id-${++nextId}`;
/** The settings file with the changes the app makes, each one read-modify-write of the file. */
function open(store: DocumentStore = openConfStore(dir)) {
  const newId = ids();
  const settings = openSettingsFile(store, fileStateStore(dir), clock, newId);
  return {
    file: settings,
    get document() {
      return settings.read().document;
    },
    state: () => settings.read().state,
    accounts: () => settings.read().document.accounts,
    settings: () => settings.read().document.settings,
    addAccount: (account: AccountInput) => settings.update((d) => addAccount(d, account, newId())).result,
    updateAccount: (id: string, account: AccountInput) => settings.update((d) => updateAccount(d, id, account)).result,
    removeAccount: (id: string) => settings.update((d) => removeAccount(d, id)).result,
    updateSettings: (patch: Parameters<typeof updateSettings>[1]) =>
      settings.update((d) => updateSettings(d, patch)).result,
  };
}
const onDisk = (): unknown => JSON.parse(readFileSync(file, 'utf8'));
const current = (rest: Record<string, unknown> = {}) => ({
  schemaVersion: SCHEMA_VERSION,
  settings: {},
  accounts: [],
  ...rest,
});

beforeEach(() => {
  nextId = 0;
  dir = mkdtempSync(path.join(tmpdir(), 'eiot-settings-'));
  file = path.join(dir, 'config.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the settings file', () => {
  it('starts from defaults without writing anything until a change', () => {
    const repo = open();
    expect(repo.document).toEqual({ schemaVersion: SCHEMA_VERSION, settings: DEFAULT_SETTINGS, accounts: [] });
    expect(repo.state()).toEqual({ kind: 'missing' });
    expect(repo.file.path).toBe(file);
    expect(existsSync(file)).toBe(false);
  });

  it('keeps the folder 0700 and the file 0600, also when an older version left them open', () => {
    writeFileSync(file, JSON.stringify(current()), { mode: 0o644 });
    chmodSync(dir, 0o755);
    open().addAccount(input);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('adds an account with a generated id, normalised, and reads it back after a restart', () => {
    const added = open().addAccount(input);
    expect(added).toEqual({
      id: 'id-1',
      label: 'Shop',
      appkey: 'demo-appkey-01',
      baseUrl: 'https://oapi.eiotclub.com',
      pollIntervalSec: 600,
      lowThreshold: '100.00',
      criticalThreshold: '20.50',
      enabled: true,
    });
    const reopened = open();
    expect(reopened.accounts()).toEqual([added]);
    // The file electron-store would write: tab-indented JSON, no temp files or lock left behind.
    expect(readFileSync(file, 'utf8')).toContain(`\n\t"schemaVersion": ${SCHEMA_VERSION}`);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('rejects invalid input with field errors and leaves the file as it was', () => {
    const repo = open();
    repo.addAccount(input);
    const before = readFileSync(file, 'utf8');
    const attempt = () => repo.addAccount({ ...input, label: 'shop ', lowThreshold: '1', criticalThreshold: '2' });
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      expect((error as ValidationError).fields.map((f) => f.key)).toEqual([
        'account.error.labelTaken',
        'account.error.criticalAboveLow',
      ]);
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(repo.accounts()).toHaveLength(1);
  });

  it('updates in place keeping the id, and may keep its own label', () => {
    const repo = open();
    const { id } = repo.addAccount(input);
    repo.addAccount({ ...input, label: 'Other' });
    const updated = repo.updateAccount(id, { ...input, lowThreshold: '', enabled: false });
    expect(updated).toMatchObject({ id, label: 'Shop', enabled: false });
    expect(updated.lowThreshold).toBeUndefined();
    expect(
      open()
        .accounts()
        .map((a) => a.id),
    ).toEqual([id, 'id-2']);
    expect(() => repo.updateAccount(id, { ...input, label: 'other' })).toThrow(ValidationError);
    expect(() => repo.updateAccount('nope', input)).toThrow(NotFoundError);
  });

  it('removes an account', () => {
    const repo = open();
    const { id } = repo.addAccount(input);
    repo.removeAccount(id);
    expect(open().document).toMatchObject({ accounts: [] });
    expect(() => repo.removeAccount(id)).toThrow(NotFoundError);
  });

  it('writes over the CURRENT file: two openers each add an account and both survive', () => {
    const first = open();
    const second = open();
    first.addAccount(input);
    second.addAccount({ ...input, label: 'Second' });
    expect(
      open()
        .accounts()
        .map((a) => a.label),
    ).toEqual(['Shop', 'Second']);
    // And the label rule is checked against what is on disk, not against an old copy.
    expect(() => second.addAccount(input)).toThrow(ValidationError);
  });

  it('patches settings, refusing unknown names and bad values', () => {
    const repo = open();
    expect(repo.updateSettings({ notifications: false, language: 'zh-CN' })).toEqual({
      ...DEFAULT_SETTINGS,
      notifications: false,
      language: 'zh-CN',
    });
    expect(open().settings().language).toBe('zh-CN');
    expect(() => repo.updateSettings({ theme: 'dark' } as never)).toThrow(/Unknown settings: theme/);
    expect(() => repo.updateSettings({ forecastWarnDays: -2 })).toThrow(ValidationError);
    expect(open().settings().forecastWarnDays).toBe(3);
  });

  it('fills defaults for fields a valid file leaves out', () => {
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        settings: { notifications: false },
        accounts: [{ id: 'a', label: 'L', appkey: 'k', baseUrl: 'https://x.example' }],
      }),
    );
    const repo = open();
    expect(repo.settings()).toEqual({ ...DEFAULT_SETTINGS, notifications: false });
    expect(repo.accounts()).toEqual([
      { id: 'a', label: 'L', appkey: 'k', baseUrl: 'https://x.example', pollIntervalSec: 300, enabled: true },
    ]);
    expect(repo.state()).toEqual({ kind: 'current' });
  });
});

describe('an unusable settings file', () => {
  const account = {
    id: 'a',
    label: 'L',
    appkey: 'k',
    baseUrl: 'https://x.example',
    pollIntervalSec: 300,
    enabled: true,
  };
  it.each<[string, string, RegExp]>([
    ['invalid JSON', '{"accounts": [ sk-live-SECRET', /is not valid JSON/],
    ['an empty file', '', /is not valid JSON/],
    [
      'an unknown field',
      JSON.stringify(current({ accounts: [{ ...account, secret: 'sk-live-SECRET' }] })),
      /accounts\[0\]: Unrecognized key: "secret"/,
    ],
    [
      'critical above low',
      JSON.stringify(current({ accounts: [{ ...account, lowThreshold: '1.00', criticalThreshold: '2.00' }] })),
      /accounts\[0\]\.criticalThreshold: critical threshold is above/,
    ],
    [
      'an insecure base URL',
      JSON.stringify(current({ accounts: [{ ...account, baseUrl: 'http://x.example' }] })),
      /accounts\[0\]\.baseUrl/,
    ],
    [
      'an interval out of bounds',
      JSON.stringify(current({ accounts: [{ ...account, pollIntervalSec: 5 }] })),
      /accounts\[0\]\.pollIntervalSec/,
    ],
    [
      'duplicate ids',
      JSON.stringify(current({ accounts: [account, { ...account, label: 'M' }] })),
      /two accounts share one id/,
    ],
    ['a JSON list', '[1, 2]', /Unrecognized key/],
  ])(
    '%s is read as defaults, named in the message, and moved aside intact by the first change only',
    (_name, content, reason) => {
      writeFileSync(file, content);
      const repo = open();
      const aside = path.join(dir, ASIDE);
      expect(repo.document).toEqual({ schemaVersion: SCHEMA_VERSION, settings: DEFAULT_SETTINGS, accounts: [] });
      const state = repo.state();
      expect(state.kind).toBe('invalid');
      const message = state.kind === 'invalid' ? state.message : '';
      expect(message).toMatch(reason);
      expect(message).toContain(file);
      expect(message).not.toContain('sk-live-SECRET');
      // Reading twice changes nothing on disk.
      open().accounts();
      expect(readFileSync(file, 'utf8')).toBe(content);
      expect(existsSync(aside)).toBe(false);
      repo.addAccount(input);
      expect(repo.file.setAside).toBe(aside);
      expect(readFileSync(aside, 'utf8')).toBe(content);
      expect(open().accounts()).toHaveLength(1);
      expect(open().state()).toEqual({ kind: 'current' });
    },
  );

  it('names only the FIRST invalid field, with its path', () => {
    const bad = [
      { ...account, pollIntervalSec: 5 },
      { ...account, id: 'b', label: '', baseUrl: 'http://x.example' },
    ];
    writeFileSync(file, JSON.stringify(current({ accounts: bad })));
    const state = open().state();
    expect(state.kind === 'invalid' && state.message).toMatch(
      /has an invalid field at accounts\[0\]\.pollIntervalSec: .*\(and 2 more\)/,
    );
  });

  it('never overwrites an earlier set-aside file from the same second', () => {
    writeFileSync(file, 'first{');
    const first = open();
    first.addAccount(input);
    expect(first.file.setAside).toBe(path.join(dir, ASIDE));
    writeFileSync(file, 'second{');
    const second = open();
    second.addAccount(input);
    expect(second.file.setAside).toBe(path.join(dir, 'config.corrupt-2026-11-28T10-15-02Z-1.json'));
    expect(readFileSync(path.join(dir, ASIDE), 'utf8')).toBe('first{');
    expect(readFileSync(second.file.setAside ?? '', 'utf8')).toBe('second{');
  });

  it('refuses a change that fails validation without setting the file aside', () => {
    writeFileSync(file, 'broken{');
    expect(() => open().addAccount({ ...input, label: '' })).toThrow(ValidationError);
    expect(readFileSync(file, 'utf8')).toBe('broken{');
  });

  it('names the set-aside file by UTC time without colons', () => {
    expect(setAsideName('/d/config.json', AT)).toBe(path.join('/d', ASIDE));
  });
});

describe('a file from a newer version', () => {
  const newer = JSON.stringify(
    {
      schemaVersion: 7,
      settings: { notifications: false, theme: 'dark' },
      accounts: [
        { id: 'a', label: 'Kept', appkey: 'k', baseUrl: 'https://x.example', pollIntervalSec: 300, color: 'red' },
        { id: 'b', label: 'Odd', appkey: 'k', baseUrl: 'https://x.example', pollIntervalSec: 'hourly' },
      ],
      futureBlock: { x: 1 },
    },
    null,
    2,
  );

  it('is read as far as this version understands it, and says which version wrote it', () => {
    writeFileSync(file, newer);
    const repo = open();
    expect(repo.accounts().map((a) => a.label)).toEqual(['Kept']);
    expect(repo.settings().notifications).toBe(false);
    const state = repo.state();
    expect(state).toMatchObject({ kind: 'newer', schemaVersion: 7 });
    expect(state.kind === 'newer' && state.message).toMatch(/written by a newer version of EIOT Balance \(schema 7\)/);
  });

  it('is never renamed or rewritten: every change is refused with that message', () => {
    writeFileSync(file, newer);
    const repo = open();
    expect(() => repo.addAccount(input)).toThrow(NewerSettingsError);
    expect(() => repo.updateSettings({ notifications: true })).toThrow(
      /written by a newer version of EIOT Balance \(schema 7\)/,
    );
    expect(() => repo.removeAccount('a')).toThrow(NewerSettingsError);
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });
});

describe('leftovers of a crashed writer', () => {
  it('are removed under the lock at start: conf temp files and ours whose process is gone', () => {
    writeFileSync(file, JSON.stringify(current()));
    writeFileSync(`${file}.tmp-1764324902123abcdef`, '{"half');
    writeFileSync(`${file}.tmp-999999999-0`, '{"half');
    writeFileSync(`${file}.tmp-${process.pid}-0`, 'mine, in progress');
    open().file.cleanLeftovers();
    expect(readdirSync(dir).sort()).toEqual(['config.json', `config.json.tmp-${process.pid}-0`]);
  });
});

describe('migrations', () => {
  const legacy = {
    notifications: false,
    language: 'en',
    accounts: [
      { label: 'Shop', appkey: 'k1', intervalSec: 120, low: 99.5, critical: 10 },
      { id: 'kept', label: 'Lab', appkey: 'k2', baseUrl: 'http://localhost:8787', enabled: false },
    ],
  };

  it('reads the flat version-0 file as the current version, and writes it migrated on the first change', () => {
    writeFileSync(file, JSON.stringify(legacy));
    const repo = open();
    expect(repo.state()).toEqual({ kind: 'older', fromVersion: 0 });
    const expected = {
      schemaVersion: SCHEMA_VERSION,
      settings: { ...DEFAULT_SETTINGS, notifications: false, language: 'en' },
      accounts: [
        {
          // A version-0 account gets its id from the migration that writes it.
          id: expect.stringMatching(/^id-\d$/),
          label: 'Shop',
          appkey: 'k1',
          baseUrl: 'https://oapi.eiotclub.com',
          pollIntervalSec: 120,
          lowThreshold: '99.50',
          criticalThreshold: '10.00',
          enabled: true,
        },
        {
          id: 'kept',
          label: 'Lab',
          appkey: 'k2',
          baseUrl: 'http://localhost:8787',
          pollIntervalSec: 300,
          enabled: false,
        },
      ],
    };
    // Read-only: the file stays as it was.
    expect(repo.document).toEqual(expected);
    expect(onDisk()).toEqual(legacy);
    repo.file.update(() => undefined);
    expect(onDisk()).toEqual(expected);
  });

  it('moves version-1 alert state into the state files before the file loses it', () => {
    const episode = { lowNotified: true, criticalNotified: false, errorNotified: false, forecastNotified: false };
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        settings: {},
        accounts: [{ id: 'a', label: 'L', appkey: 'k', baseUrl: 'https://x.example' }],
        alerts: { a: episode },
      }),
    );
    open().file.update(() => undefined);
    expect(onDisk()).not.toHaveProperty('alerts');
    expect(fileStateStore(dir).read('a')).toEqual(episode);
    expect(statSync(path.join(dir, 'state', 'a.json')).mode & 0o777).toBe(0o600);
  });

  it('reports a version-0 file with fields it does not know instead of dropping them', () => {
    writeFileSync(file, JSON.stringify({ ...legacy, proxy: 'http://corp:3128' }));
    const state = open().state();
    expect(state.kind === 'invalid' && state.message).toMatch(/Unrecognized key: "proxy"/);
  });

  it('refuses what it cannot read', () => {
    const context = { newId: () => 'x' };
    expect(() => migrate(null, context)).toThrow(SettingsFileProblem);
    const newer = SCHEMA_VERSION + 1;
    expect(() => migrate({ schemaVersion: newer }, context)).toThrow(
      new RegExp(`newer version of EIOT Balance \\(schema ${newer}\\)`),
    );
    expect(() => migrate({ schemaVersion: 'one' }, context)).toThrow(/not a whole number/);
    expect(() => migrate({ accounts: 'none' }, context)).toThrow(/not a list/);
    expect(migrate(current(), context)).toEqual({ document: current(), fromVersion: SCHEMA_VERSION });
  });
});
