/** One test per guard of the window and the IPC boundary (issue 4, "Security"). */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  FakeBrowserWindow,
  FakeWebContents,
  FakeWebFrame,
  ipcMain,
  protocol,
  resetElectron,
  session,
  shell,
} from '../fakes/electron.js';
import { createIpcHandlers } from '../../src/main/window-api/handlers.js';
import { CONTENT_SECURITY_POLICY } from '../../src/main/shell/csp.js';
import { isAllowedExternal } from '../../src/main/shell/external-links.js';
import { guardSession } from '../../src/main/shell/guards.js';
import { registerIpc } from '../../src/main/shell/ipc.js';
import { createWindowManager } from '../../src/main/shell/window.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppPage, PAGE_URL, serveAppFiles } from '../../src/main/shell/scheme.js';
import { CHANNELS, type Channel } from '../../src/shared/ipc.js';
import { account, ShellFakeEngine } from './fake-engine.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

const SECRET = 'S3CRET-never-leaks-shell-91c2';
const indexPath = path.resolve('dist/renderer/index.html');

/** As the app does it: the scheme privileged before ready, its handler after. */
function serveScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  void app.whenReady();
  protocol.handle(APP_SCHEME, serveAppFiles('dist/renderer'));
}

async function setup() {
  serveScheme();
  const engine = new ShellFakeEngine();
  engine.setAccounts([account({ id: 'acc1', label: 'Main' })]);
  const windows = createWindowManager({
    preloadPath: '/p/index.cjs',
    pageUrl: PAGE_URL,
    title: () => 'EIOT Balance',
    onOpen: () => () => undefined,
  });
  const handlers = createIpcHandlers(engine, {
    saveCsv: async () => ({ saved: false }),
    appInfo: { version: 't', platform: 'linux' },
  });
  const unregister = registerIpc({ handlers, isOwnSender: (event) => windows.isOwnSender(event) });
  windows.open();
  const window = FakeBrowserWindow.instances[0];
  if (!window) throw new Error('no window');
  await new Promise((resolve) => window.webContents.once('did-finish-load', resolve));
  return { engine, windows, window, unregister };
}

beforeEach(resetElectron);
afterEach(() => vi.restoreAllMocks());

describe('window', () => {
  test('created hardened: isolation, sandbox, no node, web security, the CommonJS preload', async () => {
    const { window } = await setup();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/p/index.cjs',
    });
    expect(window.loaded).toBe(PAGE_URL);
  });

  test('the page comes from the privileged app scheme, with the CSP as a response header', async () => {
    const { window } = await setup();
    expect(protocol.privileged).toEqual([
      { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(window.webContents.getURL()).toBe(PAGE_URL);
    expect(window.webContents.response?.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await window.webContents.response?.text()).toBe(readFileSync(indexPath, 'utf8'));
    // No file:// anywhere in the window's source: loadFile would bring back file's privileges.
    expect(readFileSync('src/main/shell/window.ts', 'utf8')).not.toMatch(/loadFile|pathToFileURL/);
  });

  test('navigation is denied', async () => {
    const { window } = await setup();
    expect(window.webContents.tryNavigate('https://evil.example/')).toBe(false);
    expect(window.webContents.tryNavigate('file:///etc/passwd')).toBe(false);
  });

  test('window.open is denied; an allow-listed https link goes to the OS browser', async () => {
    const { window } = await setup();
    const open = window.webContents.windowOpenHandler;
    if (!open) throw new Error('no window-open handler');
    const details = (url: string) => ({ url }) as Parameters<typeof open>[0];
    expect(open(details('https://www.eiotclub.com/pricing'))).toEqual({ action: 'deny' });
    expect(open(details('https://evil.example/'))).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://www.eiotclub.com/pricing']);
  });

  test.each([
    'http://www.eiotclub.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pw@www.eiotclub.com/',
    'https://eiotclub.com.evil.example/',
    'not a url',
  ])('external link refused: %s', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });

  test('permission requests and checks are denied; every answer gets the CSP header', () => {
    guardSession(session.defaultSession as unknown as Electron.Session);
    const { permissionHandler, permissionCheckHandler, webRequest } = session.defaultSession;
    const granted: boolean[] = [];
    permissionHandler?.(
      {} as Electron.WebContents,
      'notifications',
      (ok) => granted.push(ok),
      {} as Electron.PermissionRequest,
    );
    permissionHandler?.(
      {} as Electron.WebContents,
      'media',
      (ok) => granted.push(ok),
      {} as Electron.PermissionRequest,
    );
    expect(granted).toEqual([false, false]);
    expect(
      permissionCheckHandler?.(null, 'clipboard-read', 'file://', {} as Electron.PermissionCheckHandlerHandlerDetails),
    ).toBe(false);
    let headers: Record<string, string | string[]> | undefined;
    webRequest.headersListener?.(
      { responseHeaders: { 'X-Other': ['1'] } } as unknown as Electron.OnHeadersReceivedListenerDetails,
      (response) => (headers = response.responseHeaders),
    );
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'",
    );
  });
});

test('the page carries the same CSP in its meta tag', () => {
  const page = 'src/renderer/static/index.html';
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(readFileSync(page, 'utf8'));
  expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
});

describe('IPC', () => {
  test('every channel of the contract is registered', async () => {
    await setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  test('the app window is answered', async () => {
    const { window } = await setup();
    const result = await ipcMain.invoke('state:get', { contents: window.webContents }, {});
    expect(result).toMatchObject({ ok: true, value: { accounts: [{ id: 'acc1' }] } });
  });

  test.each([
    ['another web contents', () => ({ contents: new FakeWebContents() })],
    [
      'a subframe of the window',
      (w: FakeBrowserWindow) => ({
        contents: w.webContents,
        frame: new FakeWebFrame(w.webContents.mainFrame.url, w.webContents.mainFrame),
      }),
    ],
    [
      'a page the window navigated to',
      (w: FakeBrowserWindow) => ({ contents: w.webContents, frame: new FakeWebFrame('https://evil.example/') }),
    ],
    [
      'the same file over file://',
      (w: FakeBrowserWindow) => ({ contents: w.webContents, frame: new FakeWebFrame(`file://${indexPath}`) }),
    ],
    [
      'another host on the app scheme',
      (w: FakeBrowserWindow) => ({
        contents: w.webContents,
        frame: new FakeWebFrame(`${APP_SCHEME}://evil/index.html`),
      }),
    ],
    [
      'another page of the app scheme',
      (w: FakeBrowserWindow) => ({
        contents: w.webContents,
        frame: new FakeWebFrame(`${APP_SCHEME}://app/other.html`),
      }),
    ],
    ['a destroyed frame', (w: FakeBrowserWindow) => ({ contents: w.webContents, frame: null })],
  ])('a foreign sender is rejected: %s', async (_name, sender) => {
    const { window, engine } = await setup();
    const result = await ipcMain.invoke('refresh', sender(window), {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'sender is not the app window', key: 'error.forbidden' },
    });
    expect(engine.calls).not.toContain('refresh:all');
  });

  test('the page is recognised by the URL Chromium reports, not the one the shell wrote', async () => {
    const { window } = await setup();
    // Chromium canonicalises a standard scheme like https: host case, dot segments, fragment.
    expect(protocol.frameUrl(`${APP_SCHEME}://APP/./index.html#/accounts`)).toBe(`${PAGE_URL}#/accounts`);
    window.webContents.mainFrame.url = protocol.frameUrl(`${APP_SCHEME}://App/x/../index.html?view=accounts`);
    expect(await ipcMain.invoke('state:get', { contents: window.webContents }, {})).toMatchObject({ ok: true });
    expect(isAppPage(`${APP_SCHEME}://app/index.html.evil`)).toBe(false);
    expect(isAppPage(`${APP_SCHEME}://user@app/index.html`)).toBe(false);
  });

  test('after the window closed, its old contents are refused', async () => {
    const { window } = await setup();
    window.close();
    const result = await ipcMain.invoke(
      'state:get',
      { contents: window.webContents, frame: new FakeWebFrame(`file://${indexPath}`) },
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test.each([
    ['history:get', { accountId: 'acc1', sinceMs: 'soon' }],
    ['history:get', { accountId: 'acc1', sinceMs: 1.5 }],
    ['accounts:remove', {}],
    ['settings:set', { patch: { notifications: 'yes' } }],
    ['settings:set', { patch: { extra: true } }],
    ['state:get', 'not an object'],
    ['secret:set', { accountId: 'acc1', secret: '' }],
    ['refresh', null],
  ] as Array<[Channel, unknown]>)(
    'a malformed payload gets a typed error, not a crash: %s %j',
    async (channel, payload) => {
      const { window } = await setup();
      const result = await ipcMain.invoke(channel, { contents: window.webContents }, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', key: 'error.invalid-payload' } });
    },
  );

  test('no channel ever returns the secret it was given', async () => {
    const { window, engine } = await setup();
    const from = { contents: window.webContents };
    const input = {
      label: 'New',
      appkey: 'k',
      baseUrl: 'https://oapi.eiotclub.com',
      pollIntervalSec: 300,
      enabled: true,
    };
    const answers = [
      await ipcMain.invoke('accounts:add', from, { account: input, secret: SECRET }),
      await ipcMain.invoke('secret:set', from, { accountId: 'acc1', secret: SECRET }),
      await ipcMain.invoke('connection:test', from, {
        baseUrl: 'https://oapi.eiotclub.com',
        appkey: 'k',
        secret: SECRET,
      }),
      // Malformed around a secret: the error must not echo it.
      await ipcMain.invoke('secret:set', from, { accountId: 'acc1', secret: SECRET, extra: SECRET }),
      await ipcMain.invoke('connection:test', from, { baseUrl: 5, appkey: 'k', secret: SECRET }),
    ];
    for (const channel of CHANNELS) answers.push(await ipcMain.invoke(channel, from, {}));
    expect(engine.secretsSeen.filter((s) => s === SECRET).length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(answers)).not.toContain(SECRET);
    expect(JSON.stringify(window.webContents.sent)).not.toContain(SECRET);
    expect(answers[1]).toEqual({ ok: true, value: { hasSecret: true, sessionOnly: false } });
  });

  test('unregistering removes every handler', async () => {
    const { unregister } = await setup();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
