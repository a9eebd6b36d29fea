/**
 * Keeps working without a keychain: when the primary store reports KeychainUnavailableError,
 * a secret is held in memory for this run only and `isSessionOnly` says so, so the UI can
 * mark it as not saved. Any other error still propagates: a keychain that exists but
 * refuses (user denied access) must not be silently bypassed.
 */
import { KeychainUnavailableError } from '../errors.js';
import type { SecretRef, SecretStore } from '../ports.js';
import { MemorySecretStore } from './memory.js';

export class SessionFallbackSecretStore implements SecretStore {
  readonly #session = new MemorySecretStore();
  #unavailable: KeychainUnavailableError | null = null;

  constructor(private readonly primary: SecretStore) {}

  /** The secret of this account lives only in memory and is lost when the app quits. */
  isSessionOnly(accountId: string): boolean {
    return this.#session.has(accountId);
  }

  /** The last "no keychain" error (its message says what to install), or null. */
  get unavailable(): KeychainUnavailableError | null {
    return this.#unavailable;
  }

  async get(account: SecretRef): Promise<string | null> {
    if (this.#session.has(account.id)) return this.#session.get(account);
    try {
      return await this.primary.get(account);
    } catch (error) {
      this.#noteUnavailable(error);
      return null;
    }
  }

  async set(accountId: string, secret: string): Promise<void> {
    try {
      await this.primary.set(accountId, secret);
      await this.#session.delete(accountId);
    } catch (error) {
      this.#noteUnavailable(error);
      await this.#session.set(accountId, secret);
    }
  }

  async delete(accountId: string): Promise<boolean> {
    const inSession = await this.#session.delete(accountId);
    try {
      return (await this.primary.delete(accountId)) || inSession;
    } catch (error) {
      this.#noteUnavailable(error);
      return inSession;
    }
  }

  /** Rethrows anything but "no keychain". */
  #noteUnavailable(error: unknown): void {
    if (!(error instanceof KeychainUnavailableError)) throw error;
    this.#unavailable = error;
  }
}
