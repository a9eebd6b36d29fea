import { beforeEach, describe, expect, test, vi } from 'vitest';
import path from 'node:path';
import { FakeMenu, FakeTray, nativeImage, resetElectron } from '../fakes/electron.js';
import { createTray, MENU_CLOSE_FALLBACK_MS } from '../../src/main/shell/tray.js';
import type { MenuItemModel } from '../../src/main/shell/tray-view.js';
import { FakeTime } from '../helpers/fake-time.js';
import { trayIcons } from '../../src/main/shell/tray-icons.js';
import { trayView, type TrayAction } from '../../src/main/shell/tray-view.js';
import { DEFAULT_SETTINGS } from '../../src/shared/types.js';
import { account, reading, snapshotOf } from './fake-engine.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

const iconDir = path.resolve('build/tray');
const settings = { ...DEFAULT_SETTINGS, language: 'en' as const };
const view = (status: 'ok' | 'low' | 'critical', minor: number, platform: NodeJS.Platform = 'linux') =>
  trayView(
    snapshotOf([account({ id: 'm', label: 'Main', status, lastReading: reading(minor) })]),
    settings,
    'en',
    platform,
    'UTC',
  );

beforeEach(resetElectron);

const INITIAL: MenuItemModel[] = [
  { type: 'normal', label: 'Open EIOT Balance…', action: { type: 'open', view: 'overview' } },
  { type: 'normal', label: 'Quit', action: { type: 'quit' } },
];

function setup(platform: NodeJS.Platform = 'linux') {
  const actions: TrayAction[] = [];
  const time = new FakeTime(0);
  const tray = createTray({
    icons: trayIcons(iconDir),
    onAction: (action) => actions.push(action),
    platform,
    initialMenu: INITIAL,
    timers: time,
  });
  const fake = FakeTray.instances[0];
  if (!fake) throw new Error('no tray created');
  return { tray, fake, actions, time };
}

describe('tray', () => {
  test('created once with a real icon file, then updated in place', () => {
    const { tray, fake } = setup();
    expect(fake.iconFile()).toBe('loading.png');
    tray.update(view('ok', 50_000));
    tray.update(view('low', 9_000));
    tray.update(view('critical', 100));
    expect(FakeTray.instances).toHaveLength(1);
    expect(fake.isDestroyed()).toBe(false);
    expect(fake.iconFile()).toBe('critical.png');
    expect(fake.tooltip).toContain('USD');
    expect(fake.tooltip).toContain('1.00');
    for (const image of nativeImage.created) expect(image.isEmpty(), image.path).toBe(false);
  });

  test('one native image per state, loaded once; the macOS neutral icon is a template', () => {
    const { tray, fake } = setup('darwin');
    tray.update(view('ok', 50_000, 'darwin'));
    tray.update(view('low', 9_000, 'darwin'));
    tray.update(view('ok', 60_000, 'darwin'));
    expect(fake.iconFile()).toBe('okTemplate.png');
    const paths = nativeImage.created.map((image) => path.basename(image.path));
    expect(paths).toEqual(['loading.png', 'okTemplate.png', 'low.png']);
    expect(nativeImage.created[1]?.isTemplateImage()).toBe(true);
    expect(nativeImage.created[2]?.isTemplateImage()).toBe(false);
  });

  test('the menu is attached at creation, before any view', () => {
    const { fake, actions } = setup();
    expect(fake.contextMenu?.labels()).toEqual(['Open EIOT Balance…', 'Quit']);
    fake.contextMenu?.click('Quit');
    expect(actions).toEqual([{ type: 'quit' }]);
  });

  test('the menu is always attached and rebuilt only when it changed', () => {
    const { tray, fake } = setup();
    tray.update(view('ok', 50_000));
    expect(fake.contextMenu).not.toBeNull();
    expect(FakeMenu.built).toHaveLength(2);
    // Same balance, new time of reading only changes the tooltip, not the menu.
    tray.update(
      trayView(
        snapshotOf([
          account({ id: 'm', label: 'Main', status: 'ok', lastReading: reading(50_000, Date.UTC(2026, 0, 5, 15)) }),
        ]),
        settings,
        'en',
        'linux',
        'UTC',
      ),
    );
    expect(FakeMenu.built).toHaveLength(2);
    tray.update(view('low', 9_000));
    expect(FakeMenu.built).toHaveLength(3);
    expect(fake.contextMenu?.labels()[0]).toContain('(Low)');
  });

  test.each(['darwin', 'win32'] as const)('%s: not rebuilt while open; applied when the menu closes', (platform) => {
    const { tray, fake } = setup(platform);
    tray.update(view('ok', 50_000, platform));
    const open = fake.contextMenu;
    open?.emit('menu-will-show', {});
    tray.update(view('low', 9_000, platform));
    tray.update(view('critical', 100, platform));
    expect(FakeMenu.built).toHaveLength(2);
    expect(fake.contextMenu).toBe(open);
    open?.emit('menu-will-close', {});
    expect(FakeMenu.built).toHaveLength(3);
    expect(fake.contextMenu?.labels()[0]).toContain('(Critical)');
    // The closed menu's listeners were removed with it.
    expect(open?.listenerCount('menu-will-close')).toBe(0);
  });

  test('a close that is never reported does not stop menu updates for good', async () => {
    const { tray, fake, time } = setup('darwin');
    tray.update(view('ok', 50_000, 'darwin'));
    fake.contextMenu?.emit('menu-will-show', {});
    tray.update(view('low', 9_000, 'darwin'));
    expect(fake.contextMenu?.labels()[0]).toContain('(OK)');
    await time.advance(MENU_CLOSE_FALLBACK_MS);
    expect(fake.contextMenu?.labels()[0]).toContain('(Low)');
    tray.update(view('critical', 100, 'darwin'));
    expect(fake.contextMenu?.labels()[0]).toContain('(Critical)');
    tray.destroy();
    expect(time.timerCount).toBe(0);
  });

  test('Linux: the menu is replaced at once, even while the host shows it', () => {
    const { tray, fake } = setup('linux');
    tray.update(view('ok', 50_000));
    fake.contextMenu?.emit('menu-will-show', {});
    tray.update(view('low', 9_000));
    expect(fake.contextMenu?.labels()[0]).toContain('(Low)');
  });

  test('Linux: a click (where the host reports activation) opens the window; macOS leaves it to the menu', () => {
    const linux = setup('linux');
    linux.fake.clickIcon();
    expect(linux.actions).toEqual([{ type: 'open', view: 'overview' }]);
    resetElectron();
    const mac = setup('darwin');
    mac.fake.clickIcon();
    expect(mac.actions).toEqual([]);
  });

  test('menu clicks become actions; Windows also opens the window on a tray click', () => {
    const { tray, fake, actions } = setup('win32');
    tray.update(view('ok', 50_000, 'win32'));
    fake.contextMenu?.click('Refresh now');
    fake.contextMenu?.click('Pause for 1 hour');
    fake.contextMenu?.click('Start at login');
    fake.contextMenu?.click('Quit');
    fake.clickIcon();
    expect(actions).toEqual([
      { type: 'refresh' },
      { type: 'pause' },
      { type: 'launch-at-login', enable: true },
      { type: 'quit' },
      { type: 'open', view: 'overview' },
    ]);
  });

  test('title set only on macOS', () => {
    const mac = setup('darwin');
    mac.tray.update(view('ok', 50_000, 'darwin'));
    expect(mac.fake.title.replace(/\u00a0/g, ' ')).toBe('USD 500.00');
    resetElectron();
    const linux = setup('linux');
    linux.tray.update(view('ok', 50_000, 'linux'));
    expect(linux.fake.title).toBe('');
  });
});
