/**
 * The engine: every account's poller, history and alerts behind one API (engine-api.ts).
 * The desktop shell, the CLI and the headless service all run this same object; the
 * outside world (clock, timers, HTTP, keychain, settings file) comes in through `deps`.
 *
 * The settings file is shared with other processes, so the engine never writes back a
 * copy: each change is one SettingsFile.update, and changes made elsewhere are read back
 * (settings-sync.ts). What changes while polling lives in the state files (state-keeper.ts).
 */
import { validateSecret } from '../../shared/account-rules.js';
import { baseUrlProblem } from '../../shared/base-url.js';
import type { AccountInput } from '../../shared/ipc.js';
import type { AccountConfig, AppSettings, FetchResult, Notice, Snapshot } from '../../shared/types.js';
import { worstStatus } from '../../shared/types.js';
import { addStoredAccount, removeStoredAccount } from './account-store.js';
import {
  readingFromHistory,
  recordResult,
  refreshForecast,
  snapshotOf,
  type AccountRuntime,
} from './account-runtime.js';
import { alertStateSchema, initialAlertState } from './alerts.js';
import type { EngineApi, EngineDeps, EngineProblem, SettingsProblem, WakeReason } from './engine-api.js';
import { cachedAccountRefs } from './engine/account-refs.js';
import { createPollers } from './engine/pollers.js';
import { createSettingsSync, type SettingsApplier } from './engine/settings-sync.js';
import { createStateKeeper } from './engine/state-keeper.js';
import { NotFoundError, ValidationError } from './errors.js';
import { ensurePrivateDir } from './files/private-files.js';
import { openHistory } from './history/file-store.js';
import { toCsv } from './history/csv.js';
import { updateAccount, updateSettings } from './settings/changes.js';
import { defaultDocument, type SettingsDocument } from './settings/schema.js';
import { openSettingsFile } from './settings/open.js';
import type { SettingsFileState } from './settings/settings-file.js';
import type { TimerHandle } from './ports.js';
import { fileStateStore, removeStateLeftovers } from './state/state-files.js';

/** The errno code (ENOSPC, EACCES, EBUSY...) or the error's class name: never its message. */
export function errorCause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : typeof error;
}

export function createEngine(deps: EngineDeps): EngineApi {
  const { clock } = deps;
  const stateStore = deps.state ?? fileStateStore(deps.dataDir);
  const settingsFile = openSettingsFile(deps.store, stateStore, clock, deps.newId);
  const runtimes = new Map<string, AccountRuntime>();
  const snapshotListeners = new Set<(snapshot: Snapshot) => void>();
  const noticeListeners = new Set<(notice: Notice) => void>();
  const settingsListeners = new Set<(settings: AppSettings) => void>();
  let current: SettingsDocument = defaultDocument();
  let settingsProblem: SettingsProblem | null = null;
  let emitQueued = false;
  let running = false;
  let stopWatching: (() => void) | null = null;

  const labelOf = (accountId: string | undefined): string =>
    accountId === undefined ? '' : `account ${runtimes.get(accountId)?.config.label ?? accountId}: `;
  function report(problem: EngineProblem): void {
    deps.log?.(`${labelOf(problem.accountId)}${problem.what} (${errorCause(problem.error)})`);
    deps.onError?.(problem);
  }

  const keeper = createStateKeeper({
    store: stateStore,
    timers: deps.timers,
    onError: (accountId, error) => report({ what: 'alert state not saved, will retry', accountId, error }),
    onRecovered: (accountId) => deps.log?.(`${labelOf(accountId)}alert state saved after earlier failures`),
  });

  const runtimeOf = (id: string): AccountRuntime => {
    const runtime = runtimes.get(id);
    if (!runtime) throw new NotFoundError(`No account with id ${id}`);
    return runtime;
  };

  const refsOf = cachedAccountRefs();

  function snapshot(): Snapshot {
    const now = clock.now();
    const accounts = [...runtimes.values()].map((runtime) => snapshotOf(runtime, now));
    return { at: now, aggregate: worstStatus(accounts.map((a) => a.status)), accounts };
  }

  /**
   * Several changes in one tick (a result, then its new schedule) make one update; with
   * `snapshotEveryMs`, all the changes of that period do (a snapshot of a thousand accounts
   * per finished poll kept serve's CPU busy).
   */
  let emitTimer: TimerHandle | null = null;
  function emit(): void {
    emitQueued = false;
    emitTimer = null;
    if (snapshotListeners.size === 0) return;
    const now = snapshot();
    for (const listener of snapshotListeners) listener(now);
  }
  /** At once (next microtask) whatever snapshotEveryMs says: subscribers see the start state. */
  function changedNow(): void {
    if (emitTimer !== null) deps.timers.clearTimeout(emitTimer);
    emitTimer = null;
    emitQueued = true;
    queueMicrotask(emit);
  }
  function changed(): void {
    if (emitQueued) return;
    emitQueued = true;
    if (deps.snapshotEveryMs === undefined) queueMicrotask(emit);
    else emitTimer = deps.timers.setTimeout(emit, deps.snapshotEveryMs);
  }

  /** Notices first, then the state that says they were sent: a full disk must not cost a notice. */
  function onResult(runtime: AccountRuntime, result: FetchResult, failureStreak: number): void {
    const { id } = runtime.config;
    const notices = recordResult(runtime, result, clock.now(), current.settings.forecastWarnDays, failureStreak);
    if (result.ok) {
      pollers.watchStaleness(runtime);
      if (runtime.history.needsFlush(clock.now())) flushHistory(runtime);
    }
    for (const notice of notices) for (const listener of noticeListeners) listener(notice);
    keeper.save(id, runtime.alerts);
    keeper.retry();
    changed();
    void sync.check();
  }

  const pollers = createPollers({
    deps,
    isRunning: () => running,
    isCurrent: (runtime) => runtimes.get(runtime.config.id) === runtime,
    changed,
    onResult,
    onError: (runtime, error) => report({ what: 'poll result not recorded', accountId: runtime.config.id, error }),
  });

  function flushHistory(runtime: AccountRuntime): void {
    runtime.history.flush(clock.now()).catch((error: unknown) => {
      report({ what: 'history not saved', accountId: runtime.config.id, error });
    });
  }

  async function loadRuntime(config: AccountConfig): Promise<AccountRuntime> {
    // start() swept the history folder once (removeStateLeftovers): not again per account.
    const opened = await openHistory(deps.dataDir, config.id, clock.now(), { sweepLeftovers: false });
    if (opened.setAside) deps.log?.(`account ${config.label}: unreadable history moved to ${opened.setAside}`);
    const onDisk = stateStore.read(config.id);
    const stored = keeper.pending(config.id) ?? onDisk ?? {};
    const alerts = alertStateSchema.safeParse(stored);
    // A file already there needs no rewrite until the state changes, nor does a missing one,
    // which reads back as the initial state: a fresh folder of a thousand accounts would
    // otherwise fsync a thousand files at their first poll, on the event loop.
    if (onDisk === undefined) keeper.loaded(config.id, initialAlertState());
    else if (alerts.success) keeper.loaded(config.id, alerts.data);
    const runtime: AccountRuntime = {
      config,
      history: opened.log,
      poller: null,
      alerts: alerts.success ? alerts.data : initialAlertState(),
      lastReading: readingFromHistory(opened.log),
      lastFailure: null,
      hasSecret: false,
      sessionOnly: false,
      forecast: null,
    };
    refreshForecast(runtime, clock.now());
    return runtime;
  }

  /**
   * Asked once every runtime is in the map, so a store that finds secrets by label (serve)
   * can see all the engine's accounts in its snapshot and refuse a label two of them share.
   */
  async function lookUpSecret(runtime: AccountRuntime): Promise<void> {
    const { id, label } = runtime.config;
    runtime.hasSecret = (await deps.secrets.get({ id, label })) !== null;
    runtime.sessionOnly = deps.secrets.isSessionOnly(id);
  }

  /** Drops an account another process removed: its files are that process's to delete. */
  async function dropRuntime(runtime: AccountRuntime): Promise<void> {
    runtimes.delete(runtime.config.id);
    keeper.forget(runtime.config.id);
    await pollers.stop(runtime);
  }

  async function addRuntime(config: AccountConfig): Promise<AccountRuntime> {
    const runtime = await loadRuntime(config);
    runtimes.set(config.id, runtime);
    await lookUpSecret(runtime);
    pollers.start(runtime);
    pollers.watchStaleness(runtime);
    return runtime;
  }

  /** Brings the running accounts in line with a document (ours or another process's). */
  const apply: SettingsApplier = async (next) => {
    const previous = current;
    current = next;
    const wanted = new Map(next.accounts.map((config) => [config.id, config]));
    for (const runtime of [...runtimes.values()]) if (!wanted.has(runtime.config.id)) await dropRuntime(runtime);
    for (const config of next.accounts) {
      const runtime = runtimes.get(config.id);
      if (!runtime) await addRuntime(config);
      else await reconfigure(runtime, config);
    }
    if (JSON.stringify(previous.settings) !== JSON.stringify(next.settings)) {
      for (const listener of settingsListeners) listener(structuredClone(next.settings));
    }
    changed();
  };

  /** Restarts the poller only when what it polls with changed; new thresholds apply in place. */
  async function reconfigure(runtime: AccountRuntime, config: AccountConfig): Promise<void> {
    const before = runtime.config;
    if (JSON.stringify(before) === JSON.stringify(config)) return;
    runtime.config = config;
    const credentials = before.appkey !== config.appkey || before.baseUrl !== config.baseUrl;
    // New credentials or URL: the old failure says nothing about them.
    if (credentials) runtime.lastFailure = null;
    refreshForecast(runtime, clock.now());
    if (credentials || before.pollIntervalSec !== config.pollIntervalSec || before.enabled !== config.enabled) {
      await pollers.restart(runtime);
    }
  }

  const sync = createSettingsSync({
    file: settingsFile,
    apply: (read) => {
      if (!running) return Promise.resolve();
      settingsProblem = problemOf(read.state, settingsFile.path);
      return apply(read.document);
    },
    onError: (error) => report({ what: 'settings file not reloaded', error }),
  });

  function requireSecretValid(secret: string): void {
    const fields = validateSecret(secret);
    if (fields.length > 0) throw new ValidationError('The secret is empty or too long', fields);
  }

  function each(accountId: string | undefined): AccountRuntime[] {
    return accountId === undefined ? [...runtimes.values()] : [runtimeOf(accountId)];
  }

  const accountStore = {
    settings: settingsFile,
    secrets: deps.secrets,
    dataDir: deps.dataDir,
    ...(deps.newId ? { newId: deps.newId } : {}),
  };
  const cleanupFailed = (what: string, error: unknown): void => report({ what: `${what} not cleaned up`, error });

  const engine: EngineApi = {
    get settingsSetAside() {
      return settingsFile.setAside;
    },
    get settingsProblem() {
      return settingsProblem;
    },

    async start() {
      if (running) return;
      ensurePrivateDir(deps.dataDir);
      settingsFile.cleanLeftovers();
      removeStateLeftovers(deps.dataDir);
      const read = sync.readNow();
      settingsProblem = problemOf(read.state, settingsFile.path);
      if (settingsProblem) deps.log?.(settingsProblem.message);
      let document = read.document;
      if (read.state.kind === 'older') {
        // Upgrade once, moving old alert state into the state files before the file changes.
        try {
          document = settingsFile.update(() => undefined).document;
        } catch (error) {
          report({ what: 'settings file not upgraded', error });
        }
      }
      running = true;
      current = document;
      for (const config of document.accounts) runtimes.set(config.id, await loadRuntime(config));
      for (const runtime of runtimes.values()) await lookUpSecret(runtime);
      for (const runtime of runtimes.values()) {
        pollers.start(runtime, { spread: deps.spreadFirstPolls === true });
        pollers.watchStaleness(runtime);
      }
      stopWatching = deps.watchSettings?.(() => void sync.check()) ?? null;
      changedNow();
    },

    async stop() {
      running = false;
      stopWatching?.();
      stopWatching = null;
      await pollers.stopAll(runtimes.values());
      keeper.stop();
      if (emitTimer !== null) deps.timers.clearTimeout(emitTimer);
      emitTimer = null;
      emitQueued = false;
      await Promise.all(
        [...runtimes.values()].map((runtime) =>
          runtime.history
            .flush(clock.now())
            .catch((error: unknown) => report({ what: 'history not saved', accountId: runtime.config.id, error })),
        ),
      );
    },

    snapshot,
    accountRefs() {
      return refsOf(() => runtimes.values());
    },
    subscribe(listener) {
      snapshotListeners.add(listener);
      return () => snapshotListeners.delete(listener);
    },
    onNotice(listener) {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },

    async refresh(accountId) {
      await Promise.all(each(accountId).map((runtime) => runtime.poller?.refresh()));
    },
    pause(accountId, durationMs) {
      for (const runtime of each(accountId)) runtime.poller?.pause(durationMs);
      changed();
    },
    resume(accountId) {
      for (const runtime of each(accountId)) runtime.poller?.resume();
      changed();
    },
    suspend() {
      for (const runtime of runtimes.values()) runtime.poller?.suspend();
    },
    wake(reason: WakeReason) {
      for (const runtime of runtimes.values()) runtime.poller?.wake(reason);
      changed();
    },
    setOnline(online) {
      for (const runtime of runtimes.values()) runtime.poller?.setOnline(online);
    },

    async history(accountId, sinceMs) {
      return runtimeOf(accountId).history.entries(sinceMs);
    },
    async exportCsv(accountId) {
      const runtime = runtimeOf(accountId);
      return toCsv(runtime.config.label, runtime.history.entries());
    },

    addAccount(input: AccountInput, secret?: string) {
      if (secret !== undefined) requireSecretValid(secret);
      return sync.serial(async () => {
        const config = await addStoredAccount(accountStore, input, secret, cleanupFailed);
        current = { ...current, accounts: [...current.accounts, config] };
        const runtime = await addRuntime(config);
        changed();
        return snapshotOf(runtime, clock.now());
      });
    },

    updateAccount(id, input) {
      return sync.serial(async () => {
        const runtime = runtimeOf(id);
        const { document, result } = settingsFile.update((draft) => updateAccount(draft, id, input));
        current = document;
        // An edit always clears the old failure: the user may have fixed what caused it.
        runtime.lastFailure = null;
        await reconfigure(runtime, result);
        changed();
        return snapshotOf(runtime, clock.now());
      });
    },

    removeAccount(id) {
      return sync.serial(async () => {
        const runtime = runtimeOf(id);
        // Stopped first so no poll writes history or state while the files are moved aside.
        await pollers.stop(runtime);
        try {
          await removeStoredAccount(accountStore, id, cleanupFailed);
        } catch (error) {
          pollers.start(runtime);
          pollers.watchStaleness(runtime);
          changed();
          throw error;
        }
        runtimes.delete(id);
        keeper.forget(id);
        current = { ...current, accounts: current.accounts.filter((account) => account.id !== id) };
        changed();
      });
    },

    async setSecret(id, secret) {
      const runtime = runtimeOf(id);
      requireSecretValid(secret);
      await deps.secrets.set(id, secret);
      runtime.hasSecret = true;
      runtime.sessionOnly = deps.secrets.isSessionOnly(id);
      runtime.lastFailure = null;
      await pollers.restart(runtime);
      return { sessionOnly: runtime.sessionOnly };
    },

    async removeSecret(id) {
      const runtime = runtimeOf(id);
      await deps.secrets.delete(id);
      runtime.hasSecret = false;
      runtime.sessionOnly = false;
      await pollers.stop(runtime);
      changed();
    },

    async testConnection({ baseUrl, appkey, secret, accountId }) {
      const problem = baseUrlProblem(baseUrl);
      if (problem)
        throw new ValidationError(`Base URL refused: ${problem}`, [
          { field: 'baseUrl', key: `account.error.baseUrl.${problem}` },
        ]);
      const account = accountId === undefined ? undefined : runtimeOf(accountId).config;
      const stored = secret ?? (account ? await deps.secrets.get({ id: account.id, label: account.label }) : null);
      if (!stored)
        throw new ValidationError('No secret to test with', [{ field: 'secret', key: 'account.error.required' }]);
      return deps.fetchBalance({ baseUrl, appkey }, stored);
    },

    settings() {
      return structuredClone(current.settings);
    },
    updateSettings(patch) {
      const { document, result } = settingsFile.update((draft) => updateSettings(draft, patch));
      const previous = current;
      current = document;
      if (JSON.stringify(previous.settings) !== JSON.stringify(result)) {
        for (const listener of settingsListeners) listener(structuredClone(result));
      }
      return result;
    },
    onSettings(listener) {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
  };
  return engine;
}

function problemOf(state: SettingsFileState, path: string): SettingsProblem | null {
  if (state.kind === 'newer')
    return { kind: 'newer', schemaVersion: state.schemaVersion, path, message: state.message };
  if (state.kind === 'invalid') return { kind: 'invalid', message: state.message };
  return null;
}
