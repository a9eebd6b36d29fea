import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../src/main/core/data-dir.js';

describe('dataDir', () => {
  it.each([
    ['darwin', {}, '/Users/ann', '/Users/ann/Library/Application Support/EIOT Balance'],
    [
      'win32',
      { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
      'C:\\Users\\ann',
      'C:\\Users\\ann\\AppData\\Roaming\\EIOT Balance',
    ],
    ['win32', {}, 'C:\\Users\\ann', 'C:\\Users\\ann\\AppData\\Roaming\\EIOT Balance'],
    ['linux', {}, '/home/ann', '/home/ann/.config/EIOT Balance'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ann', '/xdg/EIOT Balance'],
    ['linux', { XDG_CONFIG_HOME: '' }, '/home/ann', '/home/ann/.config/EIOT Balance'],
  ] as const)('%s %j -> Electron userData', (platform, env, home, expected) => {
    expect(dataDir(env, platform, home)).toBe(expected);
  });

  it('EIOT_BALANCE_HOME replaces the folder on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(dataDir({ EIOT_BALANCE_HOME: '/tmp/eiot', APPDATA: 'X', XDG_CONFIG_HOME: '/x' }, platform, '/h')).toBe(
        path.resolve('/tmp/eiot'),
      );
    }
    expect(dataDir({ EIOT_BALANCE_HOME: 'rel/dir' }, 'linux', '/h')).toBe(path.resolve('rel/dir'));
  });
});
