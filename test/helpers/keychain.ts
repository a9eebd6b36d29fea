/**
 * A private Secret Service for real-keychain tests: a session D-Bus started by
 * dbus-run-session with gnome-keyring's secrets component unlocked inside it, and a
 * throwaway HOME so no real keyring is read or written. The caller puts `env` into
 * process.env before keytar is first loaded (libsecret connects once per process).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type Keychain = { env: Record<string, string>; stop(): Promise<void> } | { skipReason: string };

function missing(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status !== 0;
}

const SCRIPT =
  'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ' +
  'echo "$DBUS_SESSION_BUS_ADDRESS"; exec sleep 3600';

export async function startKeychain(): Promise<Keychain> {
  const absent = ['dbus-run-session', 'gnome-keyring-daemon'].filter(missing);
  if (absent.length > 0) {
    return { skipReason: `not installed: ${absent.join(', ')} (Debian: apt install dbus gnome-keyring)` };
  }
  const home = mkdtempSync(path.join(tmpdir(), 'eiot-keyring-'));
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', SCRIPT], {
    // Its own process group, so stop() ends the bus, the daemon and sleep together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_RUNTIME_DIR: home,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await exited;
    }
    rmSync(home, { recursive: true, force: true });
  };
  const address = await new Promise<string | null>((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((candidate) => candidate.startsWith('unix:'));
      if (line) resolve(line.trim());
    });
    child.once('exit', () => resolve(null));
    child.once('error', () => resolve(null));
  });
  if (!address) {
    await stop();
    return { skipReason: `the private Secret Service did not start: ${stderr.trim() || 'no bus address'}` };
  }
  return { env: { DBUS_SESSION_BUS_ADDRESS: address }, stop };
}

/** Skipping is fine on a developer machine, never in CI: there it must have run. */
export function skipOrFail(reason: string): void {
  if (process.env.CI === 'true') throw new Error(`Keychain tests cannot run in CI: ${reason}`);
  console.warn(`Skipping real-keychain tests: ${reason}`);
}
