/**
 * The application menu: Edit (so copy and paste work in the form on macOS, where the menu
 * carries the shortcuts), Window with Close (Cmd/Ctrl+W), and Reload/DevTools only in a
 * development build. On macOS Cmd+Q belongs to the app menu: as in menu-bar apps such as
 * Dropbox or Docker Desktop, it closes the window and monitoring goes on; Quit is in the tray
 * menu. The first time, a notification says so, so the window never disappears unexplained.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Translate } from '../../shared/i18n/index.js';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  packaged: boolean;
  appName: string;
  t: Translate;
  /** macOS Cmd+Q: close the window, keep watching. */
  onQuitShortcut(): void;
}

export function appMenuTemplate({
  platform,
  packaged,
  appName,
  t,
  onQuitShortcut,
}: AppMenuOptions): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: t('shell.menu.edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: t('shell.menu.window'),
    submenu: [{ role: 'close', label: t('shell.menu.closeWindow'), accelerator: 'CmdOrCtrl+W' }, { role: 'minimize' }],
  };
  const development: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ label: t('shell.menu.view'), submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] }];
  if (platform !== 'darwin') return [edit, window, ...development];
  const application: MenuItemConstructorOptions = {
    label: appName,
    submenu: [{ label: t('shell.menu.hideKeepWatching'), accelerator: 'Command+Q', click: () => onQuitShortcut() }],
  };
  return [application, edit, window, ...development];
}
