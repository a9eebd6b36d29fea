/**
 * The one tray icon. Created once and changed in place (recreating it makes it jump position
 * in the menu bar); the context menu is rebuilt only when its model changed, and never while
 * it is open: a pending model is applied when the menu closes.
 */
import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { IconSource } from './tray-icons.js';
import type { MenuItemModel, TrayAction, TrayIconName, TrayView } from './tray-view.js';

export interface TrayController {
  update(view: TrayView): void;
  /** The icon's place on screen; null where the system does not say (most Linux panels). */
  bounds(): Electron.Rectangle | null;
  destroy(): void;
}

export interface TrayOptions {
  icons: IconSource;
  onAction(action: TrayAction): void;
  platform: NodeJS.Platform;
}

export function createTray({ icons, onAction, platform }: TrayOptions): TrayController {
  const tray = new Tray(icons('loading'));
  let icon: TrayIconName = 'loading';
  let tooltip = '';
  let title = '';
  let menuKey = '';
  let menu: Menu | null = null;
  let menuOpen = false;
  let pendingMenu: MenuItemModel[] | null = null;

  const onShow = () => (menuOpen = true);
  const onClose = () => {
    menuOpen = false;
    if (pendingMenu) applyMenu(pendingMenu);
  };

  function applyMenu(model: MenuItemModel[]): void {
    pendingMenu = null;
    menu?.off('menu-will-show', onShow).off('menu-will-close', onClose);
    menu = Menu.buildFromTemplate(model.map((item) => toTemplate(item, onAction)));
    menu.on('menu-will-show', onShow).on('menu-will-close', onClose);
    tray.setContextMenu(menu);
  }

  // Windows users expect a left click to open the app; elsewhere the click shows the menu.
  if (platform === 'win32') tray.on('click', () => onAction({ type: 'open', view: 'overview' }));

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
    destroy() {
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
