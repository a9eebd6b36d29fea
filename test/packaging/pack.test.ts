// A real electron-builder Linux pack of the built app against a stand-in Electron (the real
// zip cannot be downloaded here), stopped where the AppImage target has computed its desktop
// entry (appimage-pack.mjs), then a look inside the app.asar it produced.
import { listPackage, extractFile } from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releasesPage } from '../../src/main/shell/updater/install-kind.js';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// Electron's fuse wire as shipped: the sentinel, wire version 1, eight fuses ('1' on, '0' off).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const STOCK_FUSES = '10110001';
const ON = 0x31;
const OFF = 0x30;

let work: string;
let resources: string;
let entries: string[];
let desktopEntry: string;

/** The folder electron-builder copies instead of the Electron zip (TOOLCHAIN.md). */
function standInElectron(dir: string): void {
  const wire = Buffer.concat([
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, STOCK_FUSES.length]),
    Buffer.from(STOCK_FUSES, 'latin1'),
  ]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), wire]), { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'version'), '45.5.0\n');
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'eiot-pack-'));
  const electronDist = join(work, 'electron');
  const output = join(work, 'out');
  mkdirSync(electronDist);
  standInElectron(electronDist);
  const args = [join(root, 'test/packaging/appimage-pack.mjs'), electronDist, output];
  const env = { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' };
  await promisify(execFile)(process.execPath, args, { cwd: root, env, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      // electron-builder explains itself on its output (a missing dist/main/index.js, say).
      throw new Error(`electron-builder failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`.slice(-4000));
    },
  );
  resources = join(output, 'linux-unpacked', 'resources');
  desktopEntry = readFileSync(join(output, 'desktop-entry.txt'), 'utf8');
  entries = listPackage(join(resources, 'app.asar'), { isPack: false }).map((entry) => entry.split(sep).join('/'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed app', () => {
  it('contains the built main, preload and window, without their source maps', () => {
    const built = ['dist/main', 'dist/preload', 'dist/renderer']
      .flatMap(filesUnder)
      .filter((file) => !file.endsWith('.map') && !file.endsWith('.meta.json'));
    expect(built).toEqual(
      expect.arrayContaining([pkg.main, 'dist/preload/index.cjs', 'dist/renderer/index.html', 'dist/renderer/app.js']),
    );
    for (const file of built) expect(entries, file).toContain(`/${file}`);
  });

  it('contains package.json pointing at the built main process', () => {
    const packed = JSON.parse(extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8')) as {
      main: string;
    };
    expect(packed.main).toBe(pkg.main);
  });

  it('contains every tray icon the shell loads', () => {
    const icons = filesUnder('build/tray');
    expect(icons).toContain('build/tray/okTemplate@2x.png');
    for (const icon of icons) expect(entries, icon).toContain(`/${icon}`);
  });

  it("has keytar's native module unpacked beside the archive", () => {
    expect(existsSync(join(resources, 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'))).toBe(true);
  });

  it('contains every production dependency', () => {
    for (const dep of Object.keys(pkg.dependencies))
      expect(entries, dep).toContain(`/node_modules/${dep}/package.json`);
  });

  it('leaves out sources, tests, maps, TypeScript and dev-only packages', () => {
    // npm marks in the lock what only the dev tree needs; a devDependency that a production
    // package also needs (js-yaml, for electron-updater) rightly ships.
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.keys(pkg.devDependencies)
      .filter((dep) => lock.packages[`node_modules/${dep}`]?.dev === true)
      .map((dep) => `/node_modules/${dep}/`);
    const unwanted = entries.filter(
      (entry) =>
        /^\/(src|test|scripts|bench|docs|build\/icons)(\/|$)/.test(entry) ||
        /\.(map|ts|mts|cts)$/.test(entry) ||
        devOnly.some((prefix) => entry.startsWith(prefix)),
    );
    expect(unwanted).toEqual([]);
  });

  it('flipped the fuses in the packed executable', async () => {
    const wire = await getCurrentFuseWire(join(resources, '..', 'eiot-balance'));
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      fileProtocolPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
    }).toEqual({
      runAsNode: OFF,
      nodeOptions: OFF,
      inspect: OFF,
      asarIntegrity: ON,
      onlyAsar: ON,
      fileProtocolPrivileges: OFF,
      cookieEncryption: ON,
    });
  });

  it('ships keytar itself (an optional dependency) beside its native module', () => {
    expect(entries).toContain('/node_modules/keytar/package.json');
    const keytar = JSON.parse(
      extractFile(join(resources, 'app.asar'), 'node_modules/keytar/package.json').toString(),
    ) as {
      main: string;
    };
    expect(entries).toContain(`/node_modules/keytar/${keytar.main.replace(/^\.\//, '')}`);
  });

  it("leaves out esbuild's bundle accounts", () => {
    expect(entries.filter((entry) => entry.endsWith('.meta.json'))).toEqual([]);
  });
});

describe('the AppImage launch', () => {
  it('keeps the sandbox: the desktop entry does not pass --no-sandbox', () => {
    expect(desktopEntry).toMatch(/^Exec=AppRun %U$/m);
    expect(desktopEntry).not.toContain('--no-sandbox');
  });

  it("adds --no-sandbox only where user namespaces are refused (app-builder-lib's AppRun template)", async () => {
    // The --dir-like pack stops before AppRun is written (that step needs the downloaded
    // AppImage runtime), so the script is read from the very template the target uses.
    const { generateAppRunScript } = (await import('app-builder-lib/out/targets/appimage/appImageUtil.js')) as {
      generateAppRunScript(config: Record<string, string>): string;
    };
    const appRun = generateAppRunScript({
      ExecutableName: 'eiot-balance',
      DesktopFileName: 'eiot-balance.desktop',
      ProductFilename: 'EIOT Balance',
      ProductName: 'EIOT Balance',
      ResourceName: 'appimagekit-eiot-balance',
    });
    expect(appRun).toMatch(
      /if \[ \$HAVE_NO_SANDBOX -eq 0 \] && ! unshare -Ur true 2>\/dev\/null ; then\n\s+NO_SANDBOX=\(--no-sandbox\)/,
    );
    expect(appRun).toContain('exec "$BIN" "${NO_SANDBOX[@]}"');
  });

  it('carries the app-update.yml the updater reads, naming the GitHub repository it publishes to', () => {
    const yml = readFileSync(join(resources, 'app-update.yml'), 'utf8');
    expect(yml).toMatch(/^updaterCacheDirName: \S+$/m);
    expect(releasesPage(yml)).toBe('https://github.com/eiot-balance/eiot-balance/releases/latest');
  });
});
