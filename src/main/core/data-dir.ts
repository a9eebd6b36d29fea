/**
 * Where the app keeps its files. The CLI and the desktop app must agree on one folder so
 * both read the same `config.json`: this reproduces what Electron's `app.getPath('userData')`
 * gives for productName "EIOT Balance", without importing Electron.
 */
import { homedir } from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'EIOT Balance';
export const HOME_ENV = 'EIOT_BALANCE_HOME';
/** electron-store's and conf's default file name, so both open the same file. */
export const SETTINGS_FILE_NAME = 'config.json';

type Env = Readonly<Record<string, string | undefined>>;

// Defaults for the front ends, which all want this process's folder; tests pass their own.
/* eslint-disable no-restricted-globals */
export function dataDir(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  /* eslint-enable no-restricted-globals */
  const override = env[HOME_ENV];
  if (override) return path.resolve(override);
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  }
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, PRODUCT_NAME);
  }
  // Chromium takes XDG_CONFIG_HOME as given when it is non-empty.
  const configHome = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  return path.posix.join(configHome, PRODUCT_NAME);
}
