import { describe, expect, it } from 'vitest';
import { installation, releasesPage, type InstallFacts } from '../../src/main/shell/updater/install-kind.js';

const base: InstallFacts = {
  platform: 'linux',
  isPackaged: true,
  appImage: undefined,
  packageType: null,
  macSigned: false,
};

describe('how an installation is updated', () => {
  it.each([
    ['run from source', { isPackaged: false, appImage: '/a.AppImage' }, 'none', 'unsupported'],
    ['Windows installer', { platform: 'win32' }, 'nsis', 'auto'],
    ['signed macOS app', { platform: 'darwin', macSigned: true }, 'mac', 'auto'],
    ['unsigned macOS app: manual, with a link', { platform: 'darwin' }, 'mac', 'manual'],
    ['Linux AppImage', { appImage: '/home/u/EIOT.AppImage' }, 'appimage', 'auto'],
    ['Linux .deb: a notice, never a root install', { packageType: 'deb' }, 'deb', 'manual'],
    ['Linux unpacked folder', {}, 'none', 'unsupported'],
    ['another system', { platform: 'freebsd' }, 'none', 'unsupported'],
  ] as [string, Partial<InstallFacts>, string, string][])('%s', (_name, facts, kind, mode) => {
    expect(installation({ ...base, ...facts })).toEqual({ kind, mode });
  });
});

describe('the Releases page from app-update.yml', () => {
  it('is the GitHub repository the build publishes to', () => {
    const yml =
      'owner: eiot-balance\nrepo: eiot-balance\nprovider: github\nupdaterCacheDirName: eiot-balance-updater\n';
    expect(releasesPage(yml)).toBe('https://github.com/eiot-balance/eiot-balance/releases/latest');
  });

  it('is unknown for another provider, another host, or names that are not plain', () => {
    expect(releasesPage('provider: generic\nurl: https://example.com/\n')).toBeNull();
    expect(releasesPage('provider: github\nowner: a\nrepo: b\nhost: evil.example\n')).toBeNull();
    expect(releasesPage('provider: github\nowner: a/../x\nrepo: b\n')).toBeNull();
    expect(releasesPage('provider: github\nowner: a\n')).toBeNull();
  });
});
