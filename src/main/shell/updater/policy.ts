/**
 * When the app looks for a new version of itself, and what it does with the answer. Pure:
 * clock, timers, randomness, power and network state, the settings and the updater are passed
 * in, so every rule runs on fake time in tests.
 *
 * - Automatic checks (setting on): shortly after start, then every 6 hours with jitter, so a
 *   fleet of machines started together does not hit the server in step.
 * - Never on battery or offline: the check is deferred and runs as soon as the machine is on
 *   mains power and online again (or at the next re-evaluation, for desktops that do not
 *   report power changes).
 * - A failure backs off (15 min, doubling, at most the normal interval).
 * - In `auto` mode a found version is downloaded in the background; once ready, the tray
 *   offers "Restart to update" and one notification says so. It is installed on quit
 *   otherwise (electron-updater's install-on-quit). In `manual` mode the user is pointed to
 *   the download page, once per version.
 * - "Check for updates…" checks now whatever the setting and the battery, and answers with
 *   the outcome. Only one check runs at a time; a second request joins it.
 */
import type { UpdateChannel } from '../../../shared/types.js';
import type { UpdateStatus } from '../../../shared/update-status.js';
import type { Clock, Random, TimerHandle, Timers } from '../../core/ports.js';
import { UpdateFailure, type PowerState, type Updater } from './port.js';

export const FIRST_CHECK_MS = 2 * 60_000;
export const FIRST_CHECK_JITTER_MS = 60_000;
export const CHECK_INTERVAL_MS = 6 * 3_600_000;
export const INTERVAL_JITTER_MS = 30 * 60_000;
export const BACKOFF_BASE_MS = 15 * 60_000;
/** How soon a check held back by battery or network is looked at again. */
export const DEFER_MS = 15 * 60_000;

export interface UpdateSettings {
  autoUpdate: boolean;
  updateChannel: UpdateChannel;
}

export interface UpdatePolicyDeps {
  updater: Updater;
  clock: Clock;
  timers: Timers;
  random: Random;
  power: PowerState;
  settings(): UpdateSettings;
  /** Every change of status (tray menu, window). */
  onChange(status: UpdateStatus): void;
  /** Once per version: an update is ready to install (auto) or waits to be downloaded (manual). */
  onAnnounce(status: UpdateStatus): void;
  log(line: string): void;
}

export interface UpdatePolicy {
  status(): UpdateStatus;
  /** Arms the first automatic check. */
  start(): void;
  /** The user asked: check now, and resolve with the outcome of the check. */
  checkNow(): Promise<UpdateStatus>;
  /** The settings changed: re-arm, or stop, the automatic checks. */
  settingsChanged(): void;
  /** Power or network changed: a check held back may run now. */
  conditionsChanged(): void;
  /** "Restart to update". */
  installNow(): void;
  /** When the next automatic check is due, or null (none armed). */
  nextCheckAt(): number | null;
  stop(): void;
}

/** The delay after the n-th failure in a row (n >= 1), before jitter. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), CHECK_INTERVAL_MS);
}

export function createUpdatePolicy(deps: UpdatePolicyDeps): UpdatePolicy {
  const { updater, clock, timers, random, power } = deps;
  const mode = updater.mode;
  let status: UpdateStatus = mode === 'unsupported' ? { state: 'unsupported', mode } : { state: 'idle', mode };
  let timer: TimerHandle | null = null;
  let dueAt: number | null = null;
  let failures = 0;
  let inFlight: Promise<UpdateStatus> | null = null;
  let stopped = false;
  const announced = new Set<string>();
  // Read at start(): the settings exist only once the engine started.
  let last: UpdateSettings = { autoUpdate: false, updateChannel: 'latest' };

  function pick({ autoUpdate, updateChannel }: UpdateSettings): UpdateSettings {
    return { autoUpdate, updateChannel };
  }

  function set(next: UpdateStatus): UpdateStatus {
    status = next;
    if (!stopped) deps.onChange(next);
    return next;
  }

  function announce(next: UpdateStatus): void {
    if (next.state !== 'downloaded' && next.state !== 'available') return;
    const key = `${next.state}:${next.version}`;
    if (announced.has(key) || stopped) return;
    announced.add(key);
    deps.onAnnounce(next);
  }

  function disarm(): void {
    if (timer) timers.clearTimeout(timer);
    timer = null;
    dueAt = null;
  }

  function arm(delayMs: number): void {
    disarm();
    if (stopped || mode === 'unsupported' || status.state === 'downloaded') return;
    const delay = Math.max(0, Math.round(delayMs));
    dueAt = clock.now() + delay;
    timer = timers.setTimeout(tick, delay);
  }

  const firstDelay = () => FIRST_CHECK_MS + random() * FIRST_CHECK_JITTER_MS;
  const intervalDelay = () => CHECK_INTERVAL_MS + (random() * 2 - 1) * INTERVAL_JITTER_MS;
  const failureDelay = () => backoffMs(failures) * (1 + random() * 0.1);

  let deferred = false;

  function tick(): void {
    timer = null;
    dueAt = null;
    if (!deps.settings().autoUpdate) return;
    if (power.onBattery() || !power.online()) {
      deferred = true;
      deps.log(`update check deferred: ${power.onBattery() ? 'on battery' : 'offline'}`);
      arm(DEFER_MS);
      return;
    }
    deferred = false;
    void run();
  }

  /** One check (and, in auto mode, the download it leads to), never two at once. */
  function run(): Promise<UpdateStatus> {
    if (inFlight) return inFlight;
    inFlight = check().finally(() => (inFlight = null));
    return inFlight;
  }

  async function check(): Promise<UpdateStatus> {
    if (mode === 'unsupported') return set({ state: 'unsupported', mode });
    // A verified download waits for its install; asking the server again changes nothing.
    if (status.state === 'downloaded') return status;
    if (!power.online()) return fail(new UpdateFailure('offline', 'offline'));
    set({ state: 'checking', mode });
    let found;
    try {
      found = await updater.check(deps.settings().updateChannel);
    } catch (error) {
      return fail(error);
    }
    if (stopped) return status;
    const at = clock.now();
    failures = 0;
    if (!found.available) {
      arm(intervalDelay());
      return set({ state: 'up-to-date', mode, version: updater.currentVersion, at });
    }
    if (mode === 'manual') {
      const available: UpdateStatus = { state: 'available', mode, version: found.version, at };
      if (updater.downloadPage) available.downloadUrl = updater.downloadPage;
      set(available);
      announce(available);
      arm(intervalDelay());
      return available;
    }
    const available = set({ state: 'available', mode, version: found.version, at });
    void download(found.version);
    return available;
  }

  async function download(version: string): Promise<void> {
    try {
      await updater.download();
    } catch (error) {
      fail(error);
      return;
    }
    if (stopped) return;
    disarm();
    const ready = set({ state: 'downloaded', mode, version, at: clock.now() });
    announce(ready);
  }

  function fail(error: unknown): UpdateStatus {
    const reason = error instanceof UpdateFailure ? error.reason : 'other';
    deps.log(`update ${reason}: ${error instanceof Error ? error.message : String(error)}`);
    if (stopped) return status;
    failures++;
    const failed = set({ state: 'failed', mode, reason, at: clock.now() });
    if (deps.settings().autoUpdate) arm(failureDelay());
    return failed;
  }

  return {
    status: () => status,
    start() {
      last = pick(deps.settings());
      if (last.autoUpdate) arm(firstDelay());
    },
    checkNow: run,
    settingsChanged() {
      const next = pick(deps.settings());
      const before = last;
      last = next;
      if (!next.autoUpdate) return disarm();
      if (!before.autoUpdate || before.updateChannel !== next.updateChannel) {
        failures = 0;
        arm(firstDelay());
      }
    },
    conditionsChanged() {
      if (!deferred || !deps.settings().autoUpdate || power.onBattery() || !power.online()) return;
      disarm();
      tick();
    },
    installNow() {
      if (status.state === 'downloaded') updater.installNow();
    },
    nextCheckAt: () => dueAt,
    stop() {
      stopped = true;
      disarm();
    },
  };
}
