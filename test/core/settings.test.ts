import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/main/core/errors.js';
import type { Clock, DocumentStore } from '../../src/main/core/ports.js';
import { openConfStore } from '../../src/main/core/settings/conf-store.js';
import { migrate } from '../../src/main/core/settings/migrations.js';
import { openSettings, setAsideName } from '../../src/main/core/settings/repository.js';
import { SCHEMA_VERSION, SettingsFileProblem } from '../../src/main/core/settings/schema.js';
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
const ids = () => {
  let next = 0;
  return () => `id-${++next}`;
};
const open = () => openSettings(openConfStore(dir), clock, ids());
const onDisk = (): unknown => JSON.parse(readFileSync(file, 'utf8'));
const v1 = (rest: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  settings: {},
  accounts: [],
  alerts: {},
  ...rest,
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'eiot-settings-'));
  file = path.join(dir, 'config.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SettingsRepository', () => {
  it('starts from defaults without writing anything until a change', () => {
    const repo = open();
    expect(repo.document).toEqual({
      schemaVersion: SCHEMA_VERSION,
      settings: DEFAULT_SETTINGS,
      accounts: [],
      alerts: {},
    });
    expect(repo.setAside).toBeNull();
    expect(repo.path).toBe(file);
    expect(existsSync(file)).toBe(false);
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
    expect(reopened.account('id-1')).toEqual(added);
    // The file electron-store would write: tab-indented JSON, no temp files left behind.
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

  it('removes an account together with its alert state', () => {
    const repo = open();
    const { id } = repo.addAccount(input);
    repo.setAlertState(id, { lowArmed: false });
    repo.removeAccount(id);
    expect(open().document).toMatchObject({ accounts: [], alerts: {} });
    expect(() => repo.removeAccount(id)).toThrow(NotFoundError);
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

  it('persists alert state, writes only on change, and ignores removed accounts', () => {
    let writes = 0;
    const conf = openConfStore(dir);
    const counting: DocumentStore = {
      path: conf.path,
      read: () => conf.read(),
      write: (d) => (writes++, conf.write(d)),
    };
    const repo = openSettings(counting, clock, ids());
    const { id } = repo.addAccount(input);
    repo.setAlertState(id, { low: 'fired', since: 1 });
    repo.setAlertState(id, { low: 'fired', since: 1 });
    repo.setAlertState('gone', { low: 'fired' });
    expect(writes).toBe(2);
    expect(open().alertState(id)).toEqual({ low: 'fired', since: 1 });
    expect(open().alertState('gone')).toBeUndefined();
  });

  it('fills defaults for fields a valid file leaves out', () => {
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        settings: { notifications: false },
        accounts: [{ id: 'a', label: 'L', appkey: 'k', baseUrl: 'https://x.example' }],
      }),
    );
    const repo = open();
    expect(repo.settings()).toEqual({ ...DEFAULT_SETTINGS, notifications: false });
    expect(repo.accounts()).toEqual([
      { id: 'a', label: 'L', appkey: 'k', baseUrl: 'https://x.example', pollIntervalSec: 300, enabled: true },
    ]);
    expect(repo.setAside).toBeNull();
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
      JSON.stringify(v1({ accounts: [{ ...account, secret: 'sk-live-SECRET' }] })),
      /accounts\[0\]: Unrecognized key: "secret"/,
    ],
    ['a newer schema version', JSON.stringify(v1({ schemaVersion: 7 })), /newer version of the app \(schemaVersion 7/],
    [
      'critical above low',
      JSON.stringify(v1({ accounts: [{ ...account, lowThreshold: '1.00', criticalThreshold: '2.00' }] })),
      /accounts\[0\]\.criticalThreshold: critical threshold is above/,
    ],
    [
      'an insecure base URL',
      JSON.stringify(v1({ accounts: [{ ...account, baseUrl: 'http://x.example' }] })),
      /accounts\[0\]\.baseUrl/,
    ],
    [
      'an interval out of bounds',
      JSON.stringify(v1({ accounts: [{ ...account, pollIntervalSec: 5 }] })),
      /accounts\[0\]\.pollIntervalSec/,
    ],
    [
      'duplicate ids',
      JSON.stringify(v1({ accounts: [account, { ...account, label: 'M' }] })),
      /two accounts share one id/,
    ],
    ['a JSON list', '[1, 2]', /Unrecognized key/],
  ])('%s is moved aside intact, defaults load, and the reason names no secret', (_name, content, reason) => {
    writeFileSync(file, content);
    const repo = open();
    const aside = path.join(dir, ASIDE);
    expect(repo.setAside).toBe(aside);
    expect(readFileSync(aside, 'utf8')).toBe(content);
    expect(existsSync(file)).toBe(false);
    expect(repo.document).toEqual({
      schemaVersion: SCHEMA_VERSION,
      settings: DEFAULT_SETTINGS,
      accounts: [],
      alerts: {},
    });
    expect(repo.problem).toMatch(reason);
    expect(repo.problem).not.toContain('sk-live-SECRET');
    repo.addAccount(input);
    expect(open().accounts()).toHaveLength(1);
    expect(open().setAside).toBeNull();
  });

  it('never overwrites an earlier set-aside file from the same second', () => {
    writeFileSync(file, 'first{');
    expect(open().setAside).toBe(path.join(dir, ASIDE));
    writeFileSync(file, 'second{');
    const second = open().setAside;
    expect(second).toBe(path.join(dir, 'config.corrupt-2026-11-28T10-15-02Z-1.json'));
    expect(readFileSync(path.join(dir, ASIDE), 'utf8')).toBe('first{');
    expect(readFileSync(second ?? '', 'utf8')).toBe('second{');
  });

  it('is left untouched, with an error, when it cannot be moved aside', () => {
    const store: DocumentStore = {
      path: path.join(dir, 'missing', 'config.json'),
      read: () => JSON.parse('{oops'),
      write: () => {
        throw new Error('must not write');
      },
    };
    expect(() => openSettings(store, clock)).toThrow(/is not valid JSON, and could not be moved aside \(ENOENT\)/);
  });

  it('names the set-aside file by UTC time without colons', () => {
    expect(setAsideName('/d/config.json', AT)).toBe(path.join('/d', ASIDE));
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

  it('turns the flat version-0 file into the current version and writes it back', () => {
    writeFileSync(file, JSON.stringify(legacy));
    const repo = open();
    expect(repo.setAside).toBeNull();
    const expected = {
      schemaVersion: SCHEMA_VERSION,
      settings: { ...DEFAULT_SETTINGS, notifications: false, language: 'en' },
      accounts: [
        {
          id: 'id-1',
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
      alerts: {},
    };
    expect(repo.document).toEqual(expected);
    expect(onDisk()).toEqual(expected);
    expect(open().document).toEqual(expected);
  });

  it('sets a version-0 file with fields it does not know aside instead of dropping them', () => {
    writeFileSync(file, JSON.stringify({ ...legacy, proxy: 'http://corp:3128' }));
    const repo = open();
    expect(repo.setAside).toBe(path.join(dir, ASIDE));
    expect(repo.problem).toMatch(/Unrecognized key: "proxy"/);
  });

  it('refuses what it cannot read', () => {
    const context = { newId: () => 'x' };
    expect(() => migrate(null, context)).toThrow(SettingsFileProblem);
    expect(() => migrate({ schemaVersion: SCHEMA_VERSION + 1 }, context)).toThrow(/newer version/);
    expect(() => migrate({ schemaVersion: 'one' }, context)).toThrow(/not a whole number/);
    expect(() => migrate({ accounts: 'none' }, context)).toThrow(/not a list/);
    expect(migrate(v1(), context).fromVersion).toBe(1);
  });
});
