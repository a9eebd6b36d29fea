// electron-builder.yml as electron-builder itself reads and validates it (no download needed).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

const targetsOf = (targets: unknown): Array<{ target: string; arch: string[] }> =>
  targets as Array<{ target: string; arch: string[] }>;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really validated: a misspelt option is rejected', async () => {
    const wrong = { ...config, mac: { ...config.mac, hardenedRuntim: true } } as Configuration;
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/configuration\.mac/);
  });

  it('names the app and its artifacts with version, OS and arch', () => {
    expect(config.appId).toBe('io.github.eiot-balance.app');
    expect(config.productName).toBe('EIOT Balance');
    expect(config.artifactName).toMatch(/\$\{version\}.*\$\{os\}.*\$\{arch\}/);
  });

  it('sets the Electron fuses that close the usual code-injection doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('uses the current AppImage toolset, whose AppRun keeps the sandbox where it can', () => {
    // "0.0.0" (or unset) is the legacy toolset: --no-sandbox in the desktop entry for everyone.
    expect(config.toolsets?.appimage).toBe('1.0.3');
  });

  it('makes a menu-bar app on macOS: LSUIElement, hardened runtime, dmg and zip for both archs', () => {
    const mac = config.mac!;
    expect(mac.extendInfo).toMatchObject({ LSUIElement: true });
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(mac.entitlementsInherit).toBe('build/entitlements.mac.plist');
    // Notarization and signing read their credentials from the environment (skipped when absent).
    expect(mac.notarize).toBe(true);
    expect(mac.identity).toBeUndefined();
    expect(targetsOf(mac.target)).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
  });

  it('installs per user on Windows, with a Start-menu entry, keeping user data on uninstall', () => {
    expect(targetsOf(config.win!.target).map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      perMachine: false,
      oneClick: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('ships an AppImage and a deb that depends on libsecret (keytar needs it)', () => {
    expect(targetsOf(config.linux!.target).map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.deb!.depends).toContain('libsecret-1-0');
    expect(config.linux!.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux!.desktop?.entry).toMatchObject({ Name: 'EIOT Balance' });
  });

  it("unpacks keytar's native module and keeps maps and TypeScript out", () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/keytar/build/Release/*.node');
    // getConfig normalizes `files` into file-set objects; the pattern itself is what matters.
    expect(JSON.stringify(config.files)).toContain('"!**/*.{map,ts,mts,cts,md,markdown}"');
  });
});
