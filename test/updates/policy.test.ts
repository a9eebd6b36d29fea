import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  CHECK_INTERVAL_MS,
  DEFER_MS,
  FIRST_CHECK_JITTER_MS,
  FIRST_CHECK_MS,
  INTERVAL_JITTER_MS,
  backoffMs,
  createUpdatePolicy,
  type UpdateSettings,
} from '../../src/main/shell/updater/policy.js';
import { UpdateFailure, type CheckResult, type Updater } from '../../src/main/shell/updater/port.js';
import type { UpdateChannel } from '../../src/shared/types.js';
import type { UpdateMode, UpdateStatus } from '../../src/shared/update-status.js';
import { FakeTime } from '../helpers/fake-time.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** An updater whose answers the test sets; it records every call. */
class FakeUpdater implements Updater {
  readonly currentVersion = '1.2.0';
  downloadPage: string | null = 'https://github.com/owner/repo/releases/latest';
  checks: UpdateChannel[] = [];
  downloads = 0;
  installs = 0;
  answer: CheckResult | UpdateFailure = { available: false, version: '1.2.0' };
  downloadError: UpdateFailure | null = null;
  /** When set, check() waits for release() before answering. */
  private gate: (() => void) | null = null;
  held = false;
  constructor(readonly mode: UpdateMode = 'auto') {}
  async check(channel: UpdateChannel): Promise<CheckResult> {
    this.checks.push(channel);
    if (this.held) await new Promise<void>((resolve) => (this.gate = resolve));
    if (this.answer instanceof UpdateFailure) throw this.answer;
    return this.answer;
  }
  release(): void {
    this.held = false;
    this.gate?.();
  }
  async download(): Promise<void> {
    this.downloads++;
    if (this.downloadError) throw this.downloadError;
  }
  installNow(): void {
    this.installs++;
  }
}

interface Options {
  mode?: UpdateMode;
  settings?: Partial<UpdateSettings>;
  random?: number;
}

function setup({ mode = 'auto', settings: over = {}, random = 0.5 }: Options = {}) {
  const time = new FakeTime(Date.UTC(2026, 0, 5, 9, 0));
  const updater = new FakeUpdater(mode);
  const machine = { battery: false, online: true };
  const settings: UpdateSettings = { autoUpdate: true, updateChannel: 'latest', ...over };
  const changes: UpdateStatus[] = [];
  const announced: UpdateStatus[] = [];
  const policy = createUpdatePolicy({
    updater,
    clock: time,
    timers: time,
    random: () => random,
    power: { onBattery: () => machine.battery, online: () => machine.online },
    settings: () => settings,
    onChange: (status) => changes.push(status),
    onAnnounce: (status) => announced.push(status),
    log: () => undefined,
  });
  return { time, updater, machine, settings, changes, announced, policy };
}

describe('update policy: when it checks', () => {
  it('checks shortly after start, then every 6 hours', async () => {
    const { time, updater, policy } = setup({ random: 0 });
    policy.start();
    await time.advance(FIRST_CHECK_MS - 1);
    expect(updater.checks).toHaveLength(0);
    await time.advance(1);
    expect(updater.checks).toEqual(['latest']);
    expect(policy.status()).toMatchObject({ state: 'up-to-date', version: '1.2.0' });
    // random 0 is the earliest end of the jitter window.
    await time.advance(CHECK_INTERVAL_MS - INTERVAL_JITTER_MS - 1);
    expect(updater.checks).toHaveLength(1);
    await time.advance(1);
    expect(updater.checks).toHaveLength(2);
  });

  it('spreads the checks by jitter drawn from the random source', async () => {
    const late = setup({ random: 0.999 });
    late.policy.start();
    const start = late.time.now();
    expect(late.policy.nextCheckAt()).toBe(start + Math.round(FIRST_CHECK_MS + 0.999 * FIRST_CHECK_JITTER_MS));
    await late.time.advance(FIRST_CHECK_MS + FIRST_CHECK_JITTER_MS);
    const after = late.policy.nextCheckAt() ?? 0;
    const interval = after - late.time.now();
    expect(interval).toBeGreaterThan(CHECK_INTERVAL_MS + INTERVAL_JITTER_MS * 0.99);
    expect(interval).toBeLessThanOrEqual(CHECK_INTERVAL_MS + INTERVAL_JITTER_MS);
  });

  it('never checks on its own when automatic checks are off, but does when asked', async () => {
    const { time, updater, policy } = setup({ settings: { autoUpdate: false } });
    policy.start();
    await time.advance(24 * HOUR);
    expect(updater.checks).toHaveLength(0);
    expect(policy.nextCheckAt()).toBeNull();
    const outcome = await policy.checkNow();
    expect(outcome).toMatchObject({ state: 'up-to-date', version: '1.2.0' });
    expect(updater.checks).toHaveLength(1);
    await time.advance(24 * HOUR);
    expect(updater.checks).toHaveLength(1);
  });

  it('turning the setting off stops the schedule; turning it on checks again shortly', async () => {
    const { time, updater, settings, policy } = setup({ random: 0 });
    policy.start();
    settings.autoUpdate = false;
    policy.settingsChanged();
    await time.advance(24 * HOUR);
    expect(updater.checks).toHaveLength(0);
    settings.autoUpdate = true;
    policy.settingsChanged();
    await time.advance(FIRST_CHECK_MS);
    expect(updater.checks).toHaveLength(1);
  });
});

describe('update policy: battery and network', () => {
  it('holds an automatic check while on battery and runs it when mains power returns', async () => {
    const { time, updater, machine, policy } = setup({ random: 0 });
    machine.battery = true;
    policy.start();
    await time.advance(FIRST_CHECK_MS + 3 * DEFER_MS);
    expect(updater.checks).toHaveLength(0);
    machine.battery = false;
    policy.conditionsChanged();
    await time.advance(0);
    expect(updater.checks).toHaveLength(1);
  });

  it('also notices mains power at the next re-evaluation, without an event', async () => {
    const { time, updater, machine, policy } = setup({ random: 0 });
    machine.battery = true;
    policy.start();
    await time.advance(FIRST_CHECK_MS);
    machine.battery = false;
    await time.advance(DEFER_MS);
    expect(updater.checks).toHaveLength(1);
  });

  it('holds an automatic check while offline', async () => {
    const { time, updater, machine, policy } = setup({ random: 0 });
    machine.online = false;
    policy.start();
    await time.advance(2 * HOUR);
    expect(updater.checks).toHaveLength(0);
    machine.online = true;
    policy.conditionsChanged();
    await time.advance(0);
    expect(updater.checks).toHaveLength(1);
  });

  it('a power event without a held check does not cause one', async () => {
    const { time, updater, policy } = setup({ random: 0 });
    policy.start();
    policy.conditionsChanged();
    await time.advance(FIRST_CHECK_MS - 1);
    expect(updater.checks).toHaveLength(0);
  });

  it('"Check for updates…" offline answers at once that the machine is offline', async () => {
    const { updater, machine, policy } = setup();
    machine.online = false;
    expect(await policy.checkNow()).toMatchObject({ state: 'failed', reason: 'offline' });
    expect(updater.checks).toHaveLength(0);
  });

  it('"Check for updates…" on battery checks anyway: the user asked', async () => {
    const { updater, machine, policy } = setup();
    machine.battery = true;
    expect(await policy.checkNow()).toMatchObject({ state: 'up-to-date' });
    expect(updater.checks).toHaveLength(1);
  });
});

describe('update policy: failures', () => {
  it('backs off 15 min, doubling, never longer than the normal interval', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffMs)).toEqual([
      BACKOFF_BASE_MS,
      2 * BACKOFF_BASE_MS,
      4 * BACKOFF_BASE_MS,
      8 * BACKOFF_BASE_MS,
      16 * BACKOFF_BASE_MS,
      CHECK_INTERVAL_MS,
      CHECK_INTERVAL_MS,
    ]);
  });

  it('retries after a failure on the backoff schedule and reports the reason', async () => {
    const { time, updater, policy } = setup({ random: 0 });
    updater.answer = new UpdateFailure('network', 'ECONNREFUSED');
    policy.start();
    await time.advance(FIRST_CHECK_MS);
    expect(policy.status()).toMatchObject({ state: 'failed', reason: 'network' });
    await time.advance(BACKOFF_BASE_MS - 1);
    expect(updater.checks).toHaveLength(1);
    await time.advance(1);
    expect(updater.checks).toHaveLength(2);
    await time.advance(2 * BACKOFF_BASE_MS);
    expect(updater.checks).toHaveLength(3);
    // Success resets the streak: the next check is the normal interval away.
    updater.answer = { available: false, version: '1.2.0' };
    await time.advance(4 * BACKOFF_BASE_MS);
    expect(updater.checks).toHaveLength(4);
    expect(policy.nextCheckAt()).toBe(time.now() + CHECK_INTERVAL_MS - INTERVAL_JITTER_MS);
  });

  it('an error that is not an UpdateFailure is reported as "other"', async () => {
    const { updater, policy } = setup();
    updater.answer = new UpdateFailure('other', 'x');
    const check = updater.check.bind(updater);
    updater.check = async (channel) => {
      await check(channel).catch(() => undefined);
      throw new TypeError('boom');
    };
    expect(await policy.checkNow()).toMatchObject({ state: 'failed', reason: 'other' });
  });

  it('a failed download (wrong checksum) is reported and retried later', async () => {
    const { time, updater, policy, announced } = setup({ random: 0 });
    updater.answer = { available: true, version: '1.3.0' };
    updater.downloadError = new UpdateFailure('checksum', 'sha512 checksum mismatch');
    policy.start();
    await time.advance(FIRST_CHECK_MS);
    expect(policy.status()).toMatchObject({ state: 'failed', reason: 'checksum' });
    expect(announced).toEqual([]);
    updater.downloadError = null;
    await time.advance(BACKOFF_BASE_MS);
    expect(updater.downloads).toBe(2);
    expect(policy.status()).toMatchObject({ state: 'downloaded', version: '1.3.0' });
  });
});

describe('update policy: what happens with a new version', () => {
  it('auto: downloads in the background, announces once, then waits for quit or restart', async () => {
    const { time, updater, policy, changes, announced } = setup({ random: 0 });
    updater.answer = { available: true, version: '1.3.0' };
    policy.start();
    await time.advance(FIRST_CHECK_MS);
    expect(changes.map((status) => status.state)).toEqual(['checking', 'available', 'downloaded']);
    expect(updater.downloads).toBe(1);
    expect(announced).toEqual([expect.objectContaining({ state: 'downloaded', version: '1.3.0' })]);
    // No more checks: the next version comes after this one is installed.
    expect(policy.nextCheckAt()).toBeNull();
    await time.advance(48 * HOUR);
    expect(updater.checks).toHaveLength(1);
    // Asking again does not announce again.
    expect(await policy.checkNow()).toMatchObject({ state: 'downloaded' });
    expect(announced).toHaveLength(1);
    expect(updater.installs).toBe(0);
    policy.installNow();
    expect(updater.installs).toBe(1);
  });

  it('"Restart to update" does nothing before a download is ready', async () => {
    const { updater, policy } = setup();
    policy.installNow();
    expect(updater.installs).toBe(0);
  });

  it('"Check for updates…" answers "available" while the download continues', async () => {
    const { updater, policy } = setup();
    updater.answer = { available: true, version: '1.3.0' };
    let finish: () => void = () => undefined;
    updater.download = () => new Promise<void>((resolve) => (finish = resolve));
    expect(await policy.checkNow()).toMatchObject({ state: 'available', version: '1.3.0', mode: 'auto' });
    finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(policy.status()).toMatchObject({ state: 'downloaded' });
  });

  it('manual: never downloads, points to the download page, announces each version once', async () => {
    const { time, updater, policy, announced } = setup({ mode: 'manual', random: 0 });
    updater.answer = { available: true, version: '1.3.0' };
    policy.start();
    await time.advance(FIRST_CHECK_MS + 2 * CHECK_INTERVAL_MS);
    expect(updater.checks).toHaveLength(3);
    expect(updater.downloads).toBe(0);
    expect(policy.status()).toMatchObject({
      state: 'available',
      version: '1.3.0',
      downloadUrl: 'https://github.com/owner/repo/releases/latest',
    });
    expect(announced).toHaveLength(1);
    updater.answer = { available: true, version: '1.4.0' };
    await time.advance(CHECK_INTERVAL_MS);
    expect(announced.map((status) => status.state === 'available' && status.version)).toEqual(['1.3.0', '1.4.0']);
  });

  it('unsupported builds never ask the server', async () => {
    const { time, updater, policy } = setup({ mode: 'unsupported' });
    policy.start();
    await time.advance(48 * HOUR);
    expect(await policy.checkNow()).toEqual({ state: 'unsupported', mode: 'unsupported' });
    expect(updater.checks).toHaveLength(0);
  });

  it('two requests during one check share it', async () => {
    const { updater, policy } = setup();
    updater.held = true;
    const first = policy.checkNow();
    const second = policy.checkNow();
    updater.release();
    expect(await first).toBe(await second);
    expect(updater.checks).toHaveLength(1);
  });
});

describe('update policy: channel', () => {
  it('asks the feed of the chosen channel, and checks soon after the channel changes', async () => {
    const { time, updater, settings, policy } = setup({ random: 0 });
    policy.start();
    await time.advance(FIRST_CHECK_MS);
    settings.updateChannel = 'beta';
    policy.settingsChanged();
    await time.advance(FIRST_CHECK_MS);
    expect(updater.checks).toEqual(['latest', 'beta']);
  });
});

describe('update policy: stop', () => {
  it('clears its timer and reports nothing after stop', async () => {
    const { time, updater, policy, changes } = setup();
    policy.start();
    policy.stop();
    expect(time.timerCount).toBe(0);
    await time.advance(24 * HOUR);
    expect(updater.checks).toHaveLength(0);
    expect(changes).toEqual([]);
  });
});
