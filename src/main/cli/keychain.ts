/** The OS keychain, or the stand-in a test put in the context. keytar itself loads on first use. */
import type { SecretStore } from '../core/ports.js';
import { KeychainSecretStore } from '../core/secrets/keytar.js';
import type { CommandContext } from './io.js';

export function keychainOf(context: CommandContext): SecretStore {
  return context.services.keychain?.() ?? new KeychainSecretStore();
}
