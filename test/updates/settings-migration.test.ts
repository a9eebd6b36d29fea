import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/core/settings/migrations.js';
import { parseDocument, SCHEMA_VERSION } from '../../src/main/core/settings/schema.js';
import { validateSettingsPatch } from '../../src/shared/account-rules.js';
import { DEFAULT_SETTINGS, type AppSettings } from '../../src/shared/types.js';

const context = { newId: () => 'id-1' };

describe('update settings in the settings file', () => {
  it('are added to a version-2 file by a migration: automatic checks on, stable channel', () => {
    const v2 = { schemaVersion: 2, settings: { notifications: false }, accounts: [] };
    const { document, fromVersion } = migrate(v2, context);
    expect(fromVersion).toBe(2);
    expect(SCHEMA_VERSION).toBe(3);
    expect(document).toEqual({
      schemaVersion: 3,
      settings: { notifications: false, autoUpdate: true, updateChannel: 'latest' },
      accounts: [],
    });
    expect(parseDocument(document).settings).toEqual({ ...DEFAULT_SETTINGS, notifications: false });
  });

  it('keep a choice already in the file, and reach version-0 and version-1 files too', () => {
    const v2 = { schemaVersion: 2, settings: { autoUpdate: false, updateChannel: 'beta' } };
    expect(migrate(v2, context).document.settings).toEqual({ autoUpdate: false, updateChannel: 'beta' });
    const v1 = { schemaVersion: 1, settings: {}, accounts: [], alerts: {} };
    expect(migrate(v1, context).document).toEqual({
      schemaVersion: 3,
      settings: { autoUpdate: true, updateChannel: 'latest' },
      accounts: [],
    });
    const v0 = { notifications: true, accounts: [] };
    expect(parseDocument(migrate(v0, context).document).settings).toMatchObject({
      autoUpdate: true,
      updateChannel: 'latest',
    });
  });

  it('default to on and stable, and refuse an unknown channel', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ autoUpdate: true, updateChannel: 'latest' });
    expect(() => parseDocument({ schemaVersion: 3, settings: { updateChannel: 'nightly' } })).toThrow(
      /settings\.updateChannel/,
    );
  });

  it('a bad value from the window gets a specific message', () => {
    const bad = { autoUpdate: 'yes', updateChannel: 'nightly' } as unknown as Partial<AppSettings>;
    expect(validateSettingsPatch(bad)).toEqual([
      { field: 'autoUpdate', key: 'account.error.boolean' },
      { field: 'updateChannel', key: 'update.error.channel' },
    ]);
    expect(validateSettingsPatch({ autoUpdate: false, updateChannel: 'beta' })).toEqual([]);
  });
});
