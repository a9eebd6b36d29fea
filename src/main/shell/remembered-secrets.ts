/**
 * The log redacts the secrets it has been told about. Secrets typed into the window are told
 * on arrival over IPC; this store tells it about the rest: every secret the engine reads back
 * from the keychain (after a restart none of them crossed IPC) or writes.
 */
import type { SecretRef, SecretStore } from '../core/ports.js';

export function rememberingSecrets(store: SecretStore, remember: (secret: string) => void): SecretStore {
  return {
    async get(account: SecretRef) {
      const secret = await store.get(account);
      if (secret !== null) remember(secret);
      return secret;
    },
    async set(accountId: string, secret: string) {
      remember(secret);
      await store.set(accountId, secret);
    },
    delete: (accountId) => store.delete(accountId),
    isSessionOnly: (accountId) => store.isSessionOnly(accountId),
  };
}
