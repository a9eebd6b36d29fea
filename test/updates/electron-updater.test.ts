/**
 * electron-updater's own code (providers, HTTP, verification) behind our adapter, against a
 * generic-provider feed served on 127.0.0.1, through the typed Electron fake: its `net.request`
 * performs real loopback requests with Node's http. The packaged app-update.yml is read from
 * a temporary resources folder exactly as in an installed app.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NsisUpdater } from 'electron-updater';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetElectron } from '../fakes/electron.js';
import { provideElectronToRequire } from '../fakes/electron-require.js';
import { netRequests } from '../fakes/electron-net.js';
import {
  createElectronUpdater,
  STAGING_ID_HEADER,
  type ElectronUpdaterOptions,
} from '../../src/main/shell/updater/electron-updater.js';
import { UpdateFailure, type Updater } from '../../src/main/shell/updater/port.js';
import type { Installation } from '../../src/main/shell/updater/install-kind.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

interface Served {
  status?: number;
  body: string | Buffer;
}

interface Seen {
  path: string;
  headers: http.IncomingHttpHeaders;
}

const files = new Map<string, Served>();
const seen: Seen[] = [];
let server: http.Server;
let feedUrl: string;
let dir: string;
let undoRequire: () => void;

beforeAll(async () => {
  undoRequire = provideElectronToRequire();
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    seen.push({ path: request.url ?? '', headers: request.headers });
    const file = files.get(url.pathname);
    response.writeHead(file?.status ?? (file ? 200 : 404), { 'content-type': 'application/octet-stream' });
    response.end(file?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  undoRequire();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  resetElectron();
  files.clear();
  seen.length = 0;
  dir = mkdtempSync(path.join(tmpdir(), 'eiot-updater-'));
  const resources = path.join(dir, 'resources');
  mkdirSync(resources);
  // What an installed app has: electron-builder's app-update.yml in its resources folder.
  Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true, writable: true });
  app.isPackaged = true;
  app.version = '1.2.0';
  app.userData = path.join(dir, 'user-data');
  vi.stubEnv('XDG_CACHE_HOME', path.join(dir, 'cache'));
  vi.stubEnv('LOCALAPPDATA', path.join(dir, 'cache'));
  const oldAppImage = path.join(dir, 'EIOT-Balance-1.2.0.AppImage');
  writeFileSync(oldAppImage, 'the running AppImage');
  vi.stubEnv('APPIMAGE', oldAppImage);
  appUpdateYml();
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function appUpdateYml(extra = ''): void {
  writeFileSync(
    path.join(process.resourcesPath, 'app-update.yml'),
    `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: eiot-balance-updater\n${extra}`,
  );
}

const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

/** A feed file as electron-builder writes it, for one installer. */
function feed(version: string, fileName: string, content: Buffer, checksum = sha512(content)): string {
  files.set(`/${fileName}`, { body: content });
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${fileName}`,
    `    sha512: ${checksum}`,
    `    size: ${content.length}`,
    `path: ${fileName}`,
    `sha512: ${checksum}`,
    `releaseDate: '2026-01-05T09:00:00.000Z'`,
    '',
  ].join('\n');
}

function serveFeed(name: string, body: string, status?: number): void {
  files.set(`/${name}`, status === undefined ? { body } : { body, status });
}

const APPIMAGE: Installation = { kind: 'appimage', mode: 'auto' };

function updater(installation: Installation = APPIMAGE, over: Partial<ElectronUpdaterOptions> = {}): Updater {
  return createElectronUpdater({
    installation,
    currentVersion: app.getVersion(),
    downloadPage: null,
    log: () => undefined,
    ...over,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<UpdateFailure> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof UpdateFailure)) throw new Error(`expected an UpdateFailure, got ${String(error)}`);
  return error;
}

async function withPlatform<T>(platform: NodeJS.Platform, run: () => Promise<T>): Promise<T> {
  const original = process.platform;
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
  try {
    return await run();
  } finally {
    Object.defineProperty(process, 'platform', { value: original, configurable: true });
  }
}

const newer = Buffer.from('EIOT Balance 1.3.0 for Linux');

describe('electron-updater against a local generic feed (latest-linux.yml)', () => {
  it('reports a newer version as available and downloads it, verified by sha512', async () => {
    serveFeed('latest-linux.yml', feed('1.3.0', 'EIOT-Balance-1.3.0.AppImage', newer));
    const subject = updater();
    expect(await subject.check('latest')).toEqual({ available: true, version: '1.3.0' });
    await subject.download();
    const cached = path.join(dir, 'cache', 'eiot-balance-updater', 'pending');
    expect(readdirSync(cached)).toContain('EIOT-Balance-1.3.0.AppImage');
  });

  it('does not report the running version', async () => {
    serveFeed('latest-linux.yml', feed('1.2.0', 'EIOT-Balance-1.2.0.AppImage', newer));
    expect(await updater().check('latest')).toEqual({ available: false, version: '1.2.0' });
  });

  it('refuses an older version, also on the beta channel (where electron-updater would allow a downgrade)', async () => {
    serveFeed('latest-linux.yml', feed('1.1.0', 'EIOT-Balance-1.1.0.AppImage', newer));
    serveFeed('beta-linux.yml', feed('1.1.0', 'EIOT-Balance-1.1.0.AppImage', newer));
    const subject = updater();
    expect(await subject.check('latest')).toEqual({ available: false, version: '1.1.0' });
    expect(await subject.check('beta')).toEqual({ available: false, version: '1.1.0' });
  });

  it('the beta channel reads the beta feed and offers a pre-release; the stable one does not', async () => {
    serveFeed('latest-linux.yml', feed('1.2.0', 'EIOT-Balance-1.2.0.AppImage', newer));
    serveFeed('beta-linux.yml', feed('1.3.0-beta.1', 'EIOT-Balance-1.3.0-beta.1.AppImage', newer));
    const subject = updater();
    expect(await subject.check('latest')).toEqual({ available: false, version: '1.2.0' });
    expect(await subject.check('beta')).toEqual({ available: true, version: '1.3.0-beta.1' });
  });

  it('reports a corrupt feed as a feed failure', async () => {
    serveFeed('latest-linux.yml', 'version: [1.3.0\nfiles: {{{');
    expect((await failureOf(updater().check('latest'))).reason).toBe('feed');
    serveFeed('latest-linux.yml', 'releaseDate: yesterday\n');
    expect((await failureOf(updater().check('latest'))).reason).toBe('feed');
  });

  it('reports a wrong sha512 as a checksum failure and keeps nothing', async () => {
    serveFeed('latest-linux.yml', feed('1.3.0', 'EIOT-Balance-1.3.0.AppImage', newer, sha512(Buffer.from('other'))));
    const subject = updater();
    expect(await subject.check('latest')).toMatchObject({ available: true });
    const failure = await failureOf(subject.download());
    expect(failure.reason).toBe('checksum');
    const pending = path.join(dir, 'cache', 'eiot-balance-updater', 'pending');
    const left = existsSync(pending) ? readdirSync(pending) : [];
    expect(left.filter((name) => name.endsWith('.AppImage'))).toEqual([]);
  });

  it('reports an installer missing from the release as not found', async () => {
    serveFeed('latest-linux.yml', feed('1.3.0', 'EIOT-Balance-1.3.0.AppImage', newer));
    files.delete('/EIOT-Balance-1.3.0.AppImage');
    const subject = updater();
    await subject.check('latest');
    expect((await failureOf(subject.download())).reason).toBe('not-found');
  });

  it('reports a missing feed as not found, and an unreachable server as a network failure', async () => {
    expect((await failureOf(updater().check('latest'))).reason).toBe('not-found');
    writeFileSync(
      path.join(process.resourcesPath, 'app-update.yml'),
      'provider: generic\nurl: http://127.0.0.1:9/\nupdaterCacheDirName: eiot-balance-updater\n',
    );
    expect((await failureOf(updater().check('latest'))).reason).toBe('network');
  });

  it('sends nothing but the feed and file paths and standard headers', async () => {
    serveFeed('latest-linux.yml', feed('1.3.0', 'EIOT-Balance-1.3.0.AppImage', newer));
    const subject = updater();
    await subject.check('latest');
    await subject.download();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    // Every request went through Electron's net (the fake), none around it.
    expect(netRequests.map((request) => new URL(request.url).pathname + new URL(request.url).search)).toEqual(
      seen.map((request) => request.path),
    );
    const allowed = new Set(['host', 'connection', 'user-agent', 'cache-control', 'accept', 'range']);
    for (const request of seen) {
      expect(request.path).toMatch(
        /^\/(latest-linux\.yml(\?noCache=[a-z0-9]+)?|EIOT-Balance-1\.3\.0\.AppImage(\.blockmap)?)$/,
      );
      expect(Object.keys(request.headers).filter((name) => !allowed.has(name))).toEqual([]);
      expect(request.headers[STAGING_ID_HEADER]).toBeUndefined();
      expect(request.headers['user-agent']).toBe('electron-builder');
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
    }
  });
});

describe('electron-updater on the Windows and macOS feeds', () => {
  const exe = Buffer.from('EIOT Balance Setup 1.3.0');

  it('latest.yml: the NSIS updater finds a newer installer', async () => {
    serveFeed('latest.yml', feed('1.3.0', 'EIOT-Balance-Setup-1.3.0.exe', exe));
    serveFeed('latest-linux.yml', feed('9.9.9', 'wrong-feed.AppImage', exe));
    const result = await withPlatform('win32', () => updater({ kind: 'nsis', mode: 'auto' }).check('latest'));
    expect(result).toEqual({ available: true, version: '1.3.0' });
  });

  it('Windows: with a publisher name in app-update.yml (a signed build) an installer signed by anyone else is refused', async () => {
    appUpdateYml('publisherName:\n  - EIOT Balance contributors\n');
    serveFeed('latest.yml', feed('1.3.0', 'EIOT-Balance-Setup-1.3.0.exe', exe));
    const checkedFor: string[][] = [];
    const subject = updater(
      { kind: 'nsis', mode: 'auto' },
      {
        create: () => {
          const native = new NsisUpdater();
          // The real check runs PowerShell's Get-AuthenticodeSignature, which Linux lacks;
          // this stands in for its answer on an installer signed by someone else.
          native.verifyUpdateCodeSignature = async (publisherNames) => {
            checkedFor.push(publisherNames);
            return 'signed by CN=Someone Else';
          };
          return native;
        },
      },
    );
    const failure = await withPlatform('win32', async () => {
      await subject.check('latest');
      return failureOf(subject.download());
    });
    expect(checkedFor).toEqual([['EIOT Balance contributors']]);
    expect(failure.reason).toBe('signature');
  });

  it('latest-mac.yml: an unsigned Mac build checks (manually updated) and never downloads', async () => {
    serveFeed('latest-mac.yml', feed('1.3.0', 'EIOT-Balance-1.3.0-mac.zip', exe));
    const subject = updater({ kind: 'mac', mode: 'manual' });
    const result = await withPlatform('darwin', () => subject.check('latest'));
    expect(result).toEqual({ available: true, version: '1.3.0' });
    expect((await failureOf(subject.download())).reason).toBe('other');
    expect(seen.map((request) => request.path.split('?')[0])).toEqual(['/latest-mac.yml']);
  });

  it('latest-mac.yml: an equal version is not available', async () => {
    serveFeed('latest-mac.yml', feed('1.2.0', 'EIOT-Balance-1.2.0-mac.zip', exe));
    const result = await withPlatform('darwin', () => updater({ kind: 'mac', mode: 'manual' }).check('latest'));
    expect(result).toEqual({ available: false, version: '1.2.0' });
  });
});

describe('the GitHub provider, as electron-builder.yml publishes (served on loopback)', () => {
  const stable = Buffer.from('EIOT Balance 1.2.5');
  const beta = Buffer.from('EIOT Balance 1.3.0-beta.1');
  const entry = (tag: string) =>
    `<entry><id>tag:github.com,2008:Repository/1/${tag}</id><updated>2026-01-05T09:00:00Z</updated>` +
    `<link rel="alternate" type="text/html" href="https://github.com/o/r/releases/tag/${tag}"/>` +
    `<title>${tag}</title><content type="html">notes</content></entry>`;

  beforeEach(() => {
    const host = new URL(feedUrl).host;
    writeFileSync(
      path.join(process.resourcesPath, 'app-update.yml'),
      `owner: o\nrepo: r\nprovider: github\nhost: ${host}\nprotocol: http\nupdaterCacheDirName: eiot-balance-updater\n`,
    );
    // Newest first, as GitHub lists them: a pre-release above the latest stable release.
    serveFeed('o/r/releases.atom', `<?xml version="1.0"?><feed>${entry('v1.3.0-beta.1')}${entry('v1.2.5')}</feed>`);
    // GitHub's "latest release" is the newest stable one (the API path, for a host that is not github.com).
    serveFeed('api/v3/repos/o/r/releases/latest', JSON.stringify({ tag_name: 'v1.2.5' }));
    files.set('/o/r/releases/download/v1.2.5/EIOT-Balance-1.2.5.AppImage', { body: stable });
    files.set('/o/r/releases/download/v1.2.5/latest-linux.yml', {
      body: feed('1.2.5', 'EIOT-Balance-1.2.5.AppImage', stable),
    });
    files.set('/o/r/releases/download/v1.3.0-beta.1/beta-linux.yml', {
      body: feed('1.3.0-beta.1', 'EIOT-Balance-1.3.0-beta.1.AppImage', beta),
    });
  });

  it('the stable channel takes the latest release; beta (allowPrerelease) the newest pre-release', async () => {
    const subject = updater();
    expect(await subject.check('latest')).toEqual({ available: true, version: '1.2.5' });
    expect(await subject.check('beta')).toEqual({ available: true, version: '1.3.0-beta.1' });
    expect(await subject.check('latest')).toEqual({ available: true, version: '1.2.5' });
  });

  it('downloads the release asset and verifies it, sending only release paths and standard headers', async () => {
    const subject = updater();
    await subject.check('latest');
    await subject.download();
    const paths = seen.map((request) => request.path.split('?')[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/o/r/releases.atom',
        '/api/v3/repos/o/r/releases/latest',
        '/o/r/releases/download/v1.2.5/latest-linux.yml',
        '/o/r/releases/download/v1.2.5/EIOT-Balance-1.2.5.AppImage',
      ]),
    );
    for (const request of seen) {
      expect(request.path).toMatch(/^\/(o\/r\/releases|api\/v3\/repos\/o\/r\/releases)/);
      expect(request.headers[STAGING_ID_HEADER]).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
    }
  });
});

describe('a build that is not installed', () => {
  it('never asks the server', async () => {
    const subject = updater({ kind: 'none', mode: 'unsupported' });
    expect(subject.mode).toBe('unsupported');
    await failureOf(subject.check('latest'));
    expect(seen).toEqual([]);
  });
});
