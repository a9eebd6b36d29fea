/**
 * The engine: every account's poller, history and alerts behind one API (engine-api.ts).
 * The desktop shell, the CLI and the headless service all run this same object; the
 * outside world (clock, timers, HTTP, keychain, settings file) comes in through `deps`.
 */
import { validateSecret } from '../../shared/account-rules.js';
import { baseUrlProblem } from '../../shared/base-url.js';
import type { AccountInput } from '../../shared/ipc.js';
import type { AccountConfig, AppSettings, Notice, Snapshot } from '../../shared/types.js';
import { worstStatus } from '../../shared/types.js';
import {
  readingFromHistory,
  recordResult,
  refreshForecast,
  snapshotOf,
  type AccountRuntime,
} from './account-runtime.js';
import { alertStateSchema, initialAlertState } from './alerts.js';
import type { EngineApi, EngineDeps, WakeReason } from './engine-api.js';
import { NotFoundError, ValidationError } from './errors.js';
import { deleteHistory, openHistory } from './history/file-store.js';
import { toCsv } from './history/csv.js';
import { createPoller } from './poller.js';
import type { TimerHandle } from './ports.js';
import { openSettings, type SettingsRepository } from './settings/repository.js';
import { STALE_GRACE_MS } from './status.js';

export function createEngine(deps: EngineDeps): EngineApi {
  const { clock, timers } = deps;
  const runtimes = new Map<string, AccountRuntime>();
  const snapshotListeners = new Set<(snapshot: Snapshot) => void>();
  const noticeListeners = new Set<(notice: Notice) => void>();
  const settingsListeners = new Set<(settings: AppSettings) => void>();
  const staleTimers = new Map<string, TimerHandle>();
  let repository: SettingsRepository | null = null;
  let emitQueued = false;
  let running = false;

  const repo = (): SettingsRepository => {
    if (!repository) throw new Error('engine not started');
    return repository;
  };
  const runtimeOf = (id: string): AccountRuntime => {
    const runtime = runtimes.get(id);
    if (!runtime) throw new NotFoundError(`No account with id ${id}`);
    return runtime;
  };

  function snapshot(): Snapshot {
    const now = clock.now();
    const accounts = [...runtimes.values()].map((runtime) => snapshotOf(runtime, now));
    return { at: now, aggregate: worstStatus(accounts.map((a) => a.status)), accounts };
  }

  /** Several changes in one tick (a result, then its new schedule) make one update. */
  function changed(): void {
    if (emitQueued) return;
    emitQueued = true;
    queueMicrotask(() => {
      emitQueued = false;
      if (snapshotListeners.size === 0) return;
      const current = snapshot();
      for (const listener of snapshotListeners) listener(current);
    });
  }

  /** Staleness arrives with time, not with an event: wake the listeners when it is due. */
  function watchStaleness(runtime: AccountRuntime): void {
    const { id, pollIntervalSec } = runtime.config;
    const previous = staleTimers.get(id);
    if (previous) timers.clearTimeout(previous);
    staleTimers.delete(id);
    if (!running || !runtime.lastReading) return;
    const dueAt = runtime.lastReading.fetchedAt + 2 * pollIntervalSec * 1000 + STALE_GRACE_MS + 1;
    staleTimers.set(
      id,
      timers.setTimeout(
        () => {
          staleTimers.delete(id);
          changed();
        },
        Math.max(0, dueAt - clock.now()),
      ),
    );
  }

  function startPolling(runtime: AccountRuntime): void {
    const { config } = runtime;
    if (!running || !config.enabled || !runtime.hasSecret) return;
    // Read from the keychain once per poller, not on every poll: setSecret and removeSecret
    // restart or stop the poller, so this copy never outlives the stored one.
    let secret: string | null = null;
    const poller = createPoller({
      clock,
      timers,
      random: deps.random,
      intervalMs: config.pollIntervalSec * 1000,
      poll: async (signal) => {
        secret ??= await deps.secrets.get(config.id);
        if (secret === null) {
          return {
            ok: false,
            failure: {
              kind: 'api',
              code: 'NO_SECRET',
              auth: true,
              retryable: false,
              message: 'No secret is stored for this account',
              at: clock.now(),
            },
          };
        }
        return deps.fetchBalance(config, secret, { signal });
      },
      onResult: (result) => {
        if (runtimes.get(config.id) !== runtime) return;
        const notices = recordResult(runtime, result, clock.now(), repo().settings().forecastWarnDays);
        repo().setAlertState(config.id, runtime.alerts);
        if (result.ok) {
          watchStaleness(runtime);
          if (runtime.history.needsFlush(clock.now())) flushHistory(runtime);
        }
        for (const notice of notices) for (const listener of noticeListeners) listener(notice);
        changed();
      },
      onSchedule: () => changed(),
      onMissedWake: () => deps.log?.(`account ${config.label}: timer fired late, treating it as a wake`),
    });
    runtime.poller = poller;
    poller.start();
  }

  async function stopPolling(runtime: AccountRuntime): Promise<void> {
    const poller = runtime.poller;
    runtime.poller = null;
    await poller?.stop();
  }

  async function restartPolling(runtime: AccountRuntime): Promise<void> {
    await stopPolling(runtime);
    startPolling(runtime);
    changed();
  }

  function flushHistory(runtime: AccountRuntime): void {
    runtime.history.flush(clock.now()).catch((error: unknown) => {
      deps.log?.(`account ${runtime.config.label}: history not saved (${(error as Error).name})`);
    });
  }

  async function loadRuntime(config: AccountConfig): Promise<AccountRuntime> {
    const opened = await openHistory(deps.dataDir, config.id, clock.now());
    if (opened.setAside) deps.log?.(`account ${config.label}: unreadable history moved to ${opened.setAside}`);
    const storedAlerts = alertStateSchema.safeParse(repo().alertState(config.id) ?? {});
    const runtime: AccountRuntime = {
      config,
      history: opened.log,
      poller: null,
      alerts: storedAlerts.success ? storedAlerts.data : initialAlertState(),
      lastReading: readingFromHistory(opened.log),
      lastFailure: null,
      hasSecret: (await deps.secrets.get(config.id)) !== null,
      sessionOnly: deps.secrets.isSessionOnly?.(config.id) ?? false,
      forecast: null,
    };
    refreshForecast(runtime, clock.now());
    return runtime;
  }

  function each(accountId: string | undefined): AccountRuntime[] {
    return accountId === undefined ? [...runtimes.values()] : [runtimeOf(accountId)];
  }

  function requireSecretValid(secret: string): void {
    const fields = validateSecret(secret);
    if (fields.length > 0) throw new ValidationError('The secret is empty or too long', fields);
  }

  const engine: EngineApi = {
    get settingsSetAside() {
      return repository?.setAside ?? null;
    },

    async start() {
      if (running) return;
      repository = openSettings(deps.store, clock);
      if (repository.setAside)
        deps.log?.(`${repository.problem ?? 'settings unreadable'} Moved to ${repository.setAside}; defaults loaded.`);
      running = true;
      for (const config of repository.accounts()) runtimes.set(config.id, await loadRuntime(config));
      for (const runtime of runtimes.values()) {
        startPolling(runtime);
        watchStaleness(runtime);
      }
      changed();
    },

    async stop() {
      running = false;
      for (const handle of staleTimers.values()) timers.clearTimeout(handle);
      staleTimers.clear();
      await Promise.all([...runtimes.values()].map(stopPolling));
      await Promise.all(
        [...runtimes.values()].map((runtime) =>
          runtime.history
            .flush(clock.now())
            .catch(() => deps.log?.(`account ${runtime.config.label}: history not saved`)),
        ),
      );
    },

    snapshot,
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

    async addAccount(input: AccountInput, secret?: string) {
      if (secret !== undefined) requireSecretValid(secret);
      const config = repo().addAccount(input);
      if (secret !== undefined) await deps.secrets.set(config.id, secret);
      const runtime = await loadRuntime(config);
      runtimes.set(config.id, runtime);
      startPolling(runtime);
      changed();
      return snapshotOf(runtime, clock.now());
    },

    async updateAccount(id, input) {
      const runtime = runtimeOf(id);
      runtime.config = repo().updateAccount(id, input);
      // New credentials or URL: the old failure says nothing about them.
      runtime.lastFailure = null;
      refreshForecast(runtime, clock.now());
      await restartPolling(runtime);
      watchStaleness(runtime);
      return snapshotOf(runtime, clock.now());
    },

    async removeAccount(id) {
      const runtime = runtimeOf(id);
      runtimes.delete(id);
      await stopPolling(runtime);
      const stale = staleTimers.get(id);
      if (stale) timers.clearTimeout(stale);
      staleTimers.delete(id);
      repo().removeAccount(id);
      await deps.secrets.delete(id);
      await deleteHistory(deps.dataDir, id);
      changed();
    },

    async setSecret(id, secret) {
      const runtime = runtimeOf(id);
      requireSecretValid(secret);
      await deps.secrets.set(id, secret);
      runtime.hasSecret = true;
      runtime.sessionOnly = deps.secrets.isSessionOnly?.(id) ?? false;
      runtime.lastFailure = null;
      await restartPolling(runtime);
      return { sessionOnly: runtime.sessionOnly };
    },

    async removeSecret(id) {
      const runtime = runtimeOf(id);
      await deps.secrets.delete(id);
      runtime.hasSecret = false;
      runtime.sessionOnly = false;
      await stopPolling(runtime);
      changed();
    },

    async testConnection({ baseUrl, appkey, secret, accountId }) {
      const problem = baseUrlProblem(baseUrl);
      if (problem)
        throw new ValidationError(`Base URL refused: ${problem}`, [
          { field: 'baseUrl', key: `account.error.baseUrl.${problem}` },
        ]);
      if (accountId !== undefined) runtimeOf(accountId); // an unknown account is NotFoundError
      const stored = secret ?? (accountId === undefined ? null : await deps.secrets.get(accountId));
      if (!stored)
        throw new ValidationError('No secret to test with', [{ field: 'secret', key: 'account.error.required' }]);
      return deps.fetchBalance({ baseUrl, appkey }, stored);
    },

    settings() {
      return repo().settings();
    },
    updateSettings(patch) {
      const next = repo().updateSettings(patch);
      for (const listener of settingsListeners) listener(next);
      return next;
    },
    onSettings(listener) {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
  };
  return engine;
}
