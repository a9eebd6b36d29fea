/**
 * The one tray icon. Created once with its menu already attached (a StatusNotifier host may
 * read the menu only once, at registration) and changed in place (recreating it makes it
 * jump position in the menu bar). The context menu is rebuilt only when its model changed.
 * On macOS and Windows a menu is not replaced while it is open; the pending one is applied
 * when it closes, or after MENU_CLOSE_FALLBACK_MS should the close never be reported. On
 * Linux the menu is exported over D-Bus and updated in place, so it is always replaced at
 * once: some hosts never report the menu closing.
 */
import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { TimerHandle, Timers } from '../core/ports.js';
import type { IconSource } from './tray-icons.js';
import type { MenuItemModel, TrayAction, TrayIconName, TrayView } from './tray-view.js';

export const MENU_CLOSE_FALLBACK_MS = 60_000;

export interface TrayController {
  update(view: TrayView): void;
  /** Whether the icon exists (the self-test checks it). */
  isShown(): boolean;
  /** The icon's place on screen; null where the system does not say (most Linux panels). */
  bounds(): Electron.Rectangle | null;
  destroy(): void;
}

export interface TrayOptions {
  icons: IconSource;
  onAction(action: TrayAction): void;
  platform: NodeJS.Platform;
  /** The menu until the first view: the engine may take a while to start. */
  initialMenu: MenuItemModel[];
  timers: Timers;
}

export function createTray({ icons, onAction, platform, initialMenu, timers }: TrayOptions): TrayController {
  const tray = new Tray(icons('loading'));
  let icon: TrayIconName = 'loading';
  let tooltip = '';
  let title = '';
  let menuKey = JSON.stringify(initialMenu);
  let menu: Menu | null = null;
  let menuOpen = false;
  let pendingMenu: MenuItemModel[] | null = null;
  let fallback: TimerHandle | null = null;
  const deferWhileOpen = platform !== 'linux';

  const stopFallback = () => {
    if (fallback !== null) timers.clearTimeout(fallback);
    fallback = null;
  };
  const onShow = () => {
    menuOpen = true;
    stopFallback();
    fallback = timers.setTimeout(onClose, MENU_CLOSE_FALLBACK_MS);
  };
  const onClose = () => {
    menuOpen = false;
    stopFallback();
    if (pendingMenu) applyMenu(pendingMenu);
  };

  function applyMenu(model: MenuItemModel[]): void {
    pendingMenu = null;
    menu?.off('menu-will-show', onShow).off('menu-will-close', onClose);
    menu = Menu.buildFromTemplate(model.map((item) => toTemplate(item, onAction)));
    if (deferWhileOpen) menu.on('menu-will-show', onShow).on('menu-will-close', onClose);
    tray.setContextMenu(menu);
  }

  applyMenu(initialMenu);
  // A left click opens the app on Windows, and on Linux where the host reports activation
  // (KDE, most AppIndicator hosts); on macOS the click shows the menu.
  if (platform !== 'darwin') tray.on('click', () => onAction({ type: 'open', view: 'overview' }));

  return {
    bounds() {
      const bounds = tray.getBounds();
      return bounds.width > 0 && bounds.height > 0 ? bounds : null;
    },
    update(view) {
      if (view.icon !== icon) tray.setImage(icons((icon = view.icon)));
      if (view.tooltip !== tooltip) tray.setToolTip((tooltip = view.tooltip));
      // Monospaced digits: the title keeps its width as the figure changes between polls.
      if (platform === 'darwin' && view.title !== title)
        tray.setTitle((title = view.title), { fontType: 'monospacedDigit' });
      const key = JSON.stringify(view.menu);
      if (key === menuKey) return;
      menuKey = key;
      if (menuOpen) pendingMenu = view.menu;
      else applyMenu(view.menu);
    },
    isShown: () => !tray.isDestroyed(),
    destroy() {
      stopFallback();
      menu?.off('menu-will-show', onShow).off('menu-will-close', onClose);
      tray.destroy();
    },
  };
}

function toTemplate(item: MenuItemModel, onAction: (action: TrayAction) => void): MenuItemConstructorOptions {
  if (item.type === 'separator') return { type: 'separator' };
  const click = () => onAction(item.action);
  if (item.type === 'checkbox') return { type: 'checkbox', label: item.label, checked: item.checked, click };
  return { label: item.label, click };
}
