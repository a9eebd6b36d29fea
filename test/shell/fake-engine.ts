/** An EngineApi the shell tests drive by hand: they set the snapshot, raise notices and read the calls. */
import type { EngineApi, WakeReason } from '../../src/main/core/engine-api.js';
import {
  worstStatus,
  DEFAULT_SETTINGS,
  type AccountSnapshot,
  type AppSettings,
  type Notice,
  type Snapshot,
} from '../../src/shared/types.js';

import { account } from '../fakes/account-snapshot.js';

export { account };

export function reading(minorUnits: number, fetchedAt = Date.UTC(2026, 0, 5, 14, 5), currency = 'USD') {
  const abs = Math.abs(minorUnits);
  const balance = `${minorUnits < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return { currency, balance, minorUnits, fetchedAt };
}

export function snapshotOf(accounts: AccountSnapshot[], at = 0): Snapshot {
  return { at, aggregate: accounts.length ? worstStatus(accounts.map((a) => a.status)) : 'unconfigured', accounts };
}

export class ShellFakeEngine implements EngineApi {
  settingsSetAside: string | null = null;
  settingsProblem: EngineApi['settingsProblem'] = null;
  calls: string[] = [];
  current: Snapshot = snapshotOf([]);
  currentSettings: AppSettings = { ...DEFAULT_SETTINGS, language: 'en' };
  /** What the secret-bearing channels were given: the test checks none of it comes back. */
  secretsSeen: string[] = [];
  readonly snapshotListeners = new Set<(snapshot: Snapshot) => void>();
  readonly noticeListeners = new Set<(notice: Notice) => void>();
  readonly settingsListeners = new Set<(settings: AppSettings) => void>();

  setAccounts(accounts: AccountSnapshot[]): void {
    this.current = snapshotOf(accounts);
    for (const listener of this.snapshotListeners) listener(this.current);
  }
  raise(notice: Notice): void {
    for (const listener of this.noticeListeners) listener(notice);
  }
  async start() {
    this.calls.push('start');
  }
  async stop() {
    this.calls.push('stop');
  }
  snapshot() {
    return this.current;
  }
  accountRefs() {
    return this.current.accounts.map(({ id, label }) => ({ id, label }));
  }
  subscribe(listener: (snapshot: Snapshot) => void) {
    this.snapshotListeners.add(listener);
    return () => void this.snapshotListeners.delete(listener);
  }
  onNotice(listener: (notice: Notice) => void) {
    this.noticeListeners.add(listener);
    return () => void this.noticeListeners.delete(listener);
  }
  onSettings(listener: (settings: AppSettings) => void) {
    this.settingsListeners.add(listener);
    return () => void this.settingsListeners.delete(listener);
  }
  async refresh(accountId?: string) {
    this.calls.push(`refresh:${accountId ?? 'all'}`);
  }
  pause(accountId: string | undefined, durationMs: number | null) {
    this.calls.push(`pause:${accountId ?? 'all'}:${durationMs}`);
  }
  resume(accountId?: string) {
    this.calls.push(`resume:${accountId ?? 'all'}`);
  }
  suspend() {
    this.calls.push('suspend');
  }
  wake(reason: WakeReason) {
    this.calls.push(`wake:${reason}`);
  }
  setOnline(online: boolean) {
    this.calls.push(`online:${online}`);
  }
  async history() {
    return [];
  }
  async exportCsv(accountId: string) {
    return `at,balance\r\n${accountId},1.00\r\n`;
  }
  async addAccount(input: Parameters<EngineApi['addAccount']>[0], secret?: string) {
    if (secret) this.secretsSeen.push(secret);
    const created = account({
      id: 'new',
      label: input.label,
      appkey: input.appkey,
      baseUrl: input.baseUrl,
      hasSecret: secret !== undefined,
    });
    this.setAccounts([...this.current.accounts, created]);
    return created;
  }
  async updateAccount(id: string) {
    const found = this.current.accounts.find((a) => a.id === id);
    if (!found) throw new Error('missing');
    return found;
  }
  async removeAccount() {}
  async setSecret(_id: string, secret: string) {
    this.secretsSeen.push(secret);
    return { sessionOnly: false };
  }
  async removeSecret() {}
  async testConnection(params: { secret?: string }) {
    if (params.secret) this.secretsSeen.push(params.secret);
    return { ok: true as const, reading: reading(100) };
  }
  settings() {
    return this.currentSettings;
  }
  updateSettings(patch: Partial<AppSettings>) {
    this.currentSettings = { ...this.currentSettings, ...patch };
    for (const listener of this.settingsListeners) listener(this.currentSettings);
    return this.currentSettings;
  }
}
