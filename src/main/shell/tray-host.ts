/**
 * Whether a Linux desktop can show the tray icon: Electron's tray is a StatusNotifierItem,
 * shown only when a StatusNotifier host is registered with the watcher on the session bus
 * (KDE, XFCE, Cinnamon, GNOME with the AppIndicator extension; not plain GNOME). Asked with
 * gdbus (libglib2.0-bin, present wherever GNOME is); when gdbus itself is missing or hangs
 * the answer is "unknown" and the app does not nag.
 */
import { execFile } from 'node:child_process';

export type TrayHost = 'present' | 'missing' | 'unknown';

/** Runs a command; resolves with its stdout, or null when it could not run or failed. */
export type RunCommand = (command: string, args: readonly string[]) => Promise<string | null>;

export const TRAY_PROBE_TIMEOUT_MS = 2_000;

export const runCommand: RunCommand = (command, args) =>
  new Promise((resolve) => {
    execFile(command, [...args], { timeout: TRAY_PROBE_TIMEOUT_MS }, (error, stdout) => resolve(error ? null : stdout));
  });

const WATCHER = 'org.kde.StatusNotifierWatcher';

export async function probeTrayHost(platform: NodeJS.Platform, run: RunCommand = runCommand): Promise<TrayHost> {
  if (platform !== 'linux') return 'present';
  const owner = await run('gdbus', [
    'call',
    '--session',
    '--dest',
    'org.freedesktop.DBus',
    '--object-path',
    '/org/freedesktop/DBus',
    '--method',
    'org.freedesktop.DBus.NameHasOwner',
    WATCHER,
  ]);
  if (owner === null) return 'unknown';
  if (!/\btrue\b/.test(owner)) return 'missing';
  const host = await run('gdbus', [
    'call',
    '--session',
    '--dest',
    WATCHER,
    '--object-path',
    '/StatusNotifierWatcher',
    '--method',
    'org.freedesktop.DBus.Properties.Get',
    WATCHER,
    'IsStatusNotifierHostRegistered',
  ]);
  if (host === null) return 'unknown';
  return /\btrue\b/.test(host) ? 'present' : 'missing';
}
