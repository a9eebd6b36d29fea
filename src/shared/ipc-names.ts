/**
 * The bridge's method and event names, apart from the schemas: the preload and the window
 * import these values without pulling zod into their bundles.
 */
import type { Channel, EventName } from './ipc.js';

/** The global name the preload exposes the bridge under. */
export const BRIDGE_KEY = 'eiot';

/** The window's names for the channels; the preload exposes exactly these. */
export const bridgeMethods = {
  getAppInfo: 'app:info',
  getState: 'state:get',
  getHistory: 'history:get',
  addAccount: 'accounts:add',
  updateAccount: 'accounts:update',
  removeAccount: 'accounts:remove',
  setSecret: 'secret:set',
  removeSecret: 'secret:remove',
  testConnection: 'connection:test',
  refresh: 'refresh',
  exportCsv: 'csv:export',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  windowReady: 'window:ready',
  getUpdateStatus: 'update:status',
  checkForUpdates: 'update:check',
  openUpdateDownload: 'update:open-download',
  hideWindow: 'window:hide',
  fitWindow: 'window:fit',
  quitApp: 'app:quit',
} as const satisfies Record<string, Channel>;

export const bridgeEvents = {
  onStateChanged: 'state:changed',
  onSettingsChanged: 'settings:changed',
  onNavigate: 'navigate',
  onUpdateChanged: 'update:changed',
} as const satisfies Record<string, EventName>;
