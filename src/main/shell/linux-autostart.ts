/**
 * "Start at login" on Linux, where Electron's login-item API does nothing: an XDG autostart
 * entry (freedesktop.org Desktop Application Autostart), written or removed with the setting.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface AutostartPlace {
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  /** The program to start: the AppImage itself when run from one, else the executable. */
  executable: string;
}

export function autostartFile({ env, home }: AutostartPlace): string {
  const config = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return path.join(config, 'autostart', 'eiot-balance.desktop');
}

/** Desktop-entry Exec quoting: the path in double quotes, with ", `, $ and \ escaped. */
function quoteExec(program: string): string {
  return `"${program.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function setLinuxAutostart(place: AutostartPlace, enabled: boolean, name: string): void {
  const file = autostartFile(place);
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  const program = place.env.APPIMAGE || place.executable;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    [
      '[Desktop Entry]',
      'Type=Application',
      `Name=${name}`,
      `Exec=${quoteExec(program)}`,
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
  );
}
