/**
 * "Start at login" as the system has it. Read at start-up so the setting shows the truth (the
 * user may have changed it in System Settings or removed the autostart entry), and written
 * only when the user changes the setting: never re-applied at launch over their choice.
 */
import { app } from 'electron';
import { existsSync } from 'node:fs';
import { autostartFile, setLinuxAutostart, type AutostartPlace } from './linux-autostart.js';

export interface LoginItem {
  read(): boolean;
  write(enabled: boolean): void;
}

export function systemLoginItem(platform: NodeJS.Platform, place: AutostartPlace, name: () => string): LoginItem {
  if (platform === 'darwin' || platform === 'win32') {
    return {
      read: () => app.getLoginItemSettings().openAtLogin,
      write: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
    };
  }
  // Electron's login-item API does nothing on Linux: an XDG autostart entry instead.
  return {
    read: () => existsSync(autostartFile(place)),
    write: (enabled) => setLinuxAutostart(place, enabled, name()),
  };
}
