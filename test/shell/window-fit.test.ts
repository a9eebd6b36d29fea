/**
 * The glance takes the height its view asks for (window:fit), within its limits, and an
 * anchored window moves with its new height so it still sits against the tray icon.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetElectron } from '../fakes/electron.js';
import { createWindowManager } from '../../src/main/shell/window.js';
import { fittedHeight, GLANCE_SIZE } from '../../src/main/shell/window-placement.js';
import { PAGE_URL } from '../../src/main/shell/scheme.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

afterEach(() => resetElectron());

const taskbarIcon = { x: 1700, y: 1048, width: 24, height: 24 };
const workArea = { x: 0, y: 0, width: 1920, height: 1040 };

function openGlance(anchored: boolean) {
  const windows = createWindowManager({
    preloadPath: '/p/index.cjs',
    pageUrl: PAGE_URL,
    title: () => 'EIOT Balance',
    onOpen: () => () => undefined,
    anchor: () => ({ tray: anchored ? taskbarIcon : null, workArea }),
  });
  windows.open();
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window');
  return { windows, window };
}

describe('the glance sized to its content', () => {
  it('clamps the asked height to the glance limits', () => {
    expect(fittedHeight(250)).toBe(GLANCE_SIZE.minHeight);
    expect(fittedHeight(471.6)).toBe(472);
    expect(fittedHeight(5_000)).toBe(GLANCE_SIZE.maxHeight);
  });

  it('resizes the open window, keeps its width, and moves an anchored one to stay above the taskbar', () => {
    const { windows, window } = openGlance(true);
    expect(window.position).toEqual([1512, 1040 - GLANCE_SIZE.height - 6]);
    windows.fit(430);
    expect(window.getContentSize()).toEqual([GLANCE_SIZE.width, 430]);
    expect(window.position).toEqual([1512, 1040 - 430 - 6]);
  });

  it('leaves an unanchored window where the system put it, and does nothing once closed', () => {
    const { windows, window } = openGlance(false);
    windows.fit(5_000);
    expect(window.getContentSize()).toEqual([GLANCE_SIZE.width, GLANCE_SIZE.maxHeight]);
    expect(window.position).toBeNull();
    windows.close();
    expect(() => windows.fit(400)).not.toThrow();
  });
});
