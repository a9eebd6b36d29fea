/** An EngineApi whose snapshot the test writes; only what the service uses is implemented. */
import type { EngineApi } from '../../src/main/core/engine-api.js';
import type { AccountSnapshot, Snapshot } from '../../src/shared/types.js';

import { account } from '../fakes/account-snapshot.js';

export { account };

const unused = (name: string) => (): never => {
  throw new Error(`fake engine: ${name} is not used by the service`);
};

export class FakeEngine implements EngineApi {
  started = false;
  stopped = false;
  readonly settingsSetAside = null;
  readonly settingsProblem = null;
  private current: Snapshot;
  private readonly listeners = new Set<(snapshot: Snapshot) => void>();

  constructor(accounts: AccountSnapshot[]) {
    this.current = { at: 0, aggregate: 'loading', accounts };
  }

  /** Replaces the accounts and tells subscribers, as the engine does after a poll. */
  emit(accounts: AccountSnapshot[]): void {
    this.current = { ...this.current, accounts };
    for (const listener of this.listeners) listener(this.current);
  }

  async start(): Promise<void> {
    this.started = true;
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  snapshot(): Snapshot {
    return this.current;
  }
  accountRefs(): Array<{ id: string; label: string }> {
    return this.current.accounts.map(({ id, label }) => ({ id, label }));
  }
  subscribe(listener: (snapshot: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  onNotice: EngineApi['onNotice'] = () => () => undefined;
  refresh = async (): Promise<void> => undefined;
  pause = unused('pause');
  resume = unused('resume');
  suspend = unused('suspend');
  wake = unused('wake');
  setOnline = unused('setOnline');
  history = unused('history');
  exportCsv = unused('exportCsv');
  addAccount = unused('addAccount');
  updateAccount = unused('updateAccount');
  removeAccount = unused('removeAccount');
  setSecret = unused('setSecret');
  removeSecret = unused('removeSecret');
  testConnection = unused('testConnection');
  settings = unused('settings');
  updateSettings = unused('updateSettings');
  onSettings = (): (() => void) => () => undefined;
}
