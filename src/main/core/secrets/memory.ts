/** Secrets in a Map: for tests, and the session-only fallback when there is no keychain. */
import type { SecretRef, SecretStore } from '../ports.js';

export class MemorySecretStore implements SecretStore {
  // A #private field: util.inspect and JSON.stringify skip it, so logging the store leaks nothing.
  readonly #secrets = new Map<string, string>();

  async get({ id }: SecretRef): Promise<string | null> {
    return this.#secrets.get(id) ?? null;
  }

  isSessionOnly(): boolean {
    return false;
  }

  async set(accountId: string, secret: string): Promise<void> {
    this.#secrets.set(accountId, secret);
  }

  async delete(accountId: string): Promise<boolean> {
    return this.#secrets.delete(accountId);
  }

  has(accountId: string): boolean {
    return this.#secrets.has(accountId);
  }
}
