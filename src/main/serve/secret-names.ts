/**
 * Which accounts each secret name fits: `EIOT_SECRET_<NAME>` by id and by label, and the
 * secrets file's keys (the id or label as written). Built once per set of accounts, so a
 * service watching a thousand accounts does not rewrite every label on every lookup.
 */
import type { AccountRef } from './secrets.js';
import { envName } from './env-name.js';

export interface NameIndex {
  /** The accounts `EIOT_SECRET_<NAME>` fits. */
  envOwners(name: string): readonly AccountRef[];
  /** The accounts a secrets-file key fits. */
  fileOwners(key: string): readonly AccountRef[];
}

function add(map: Map<string, AccountRef[]>, key: string | null, account: AccountRef): void {
  if (key === null) return;
  const owners = map.get(key);
  if (!owners) map.set(key, [account]);
  else if (!owners.some((owner) => owner.id === account.id)) owners.push(account);
}

function buildIndex(accounts: readonly AccountRef[]): NameIndex {
  const env = new Map<string, AccountRef[]>();
  const file = new Map<string, AccountRef[]>();
  for (const account of accounts) {
    add(env, envName(account.id), account);
    add(env, envName(account.label), account);
    add(file, account.id, account);
    add(file, account.label, account);
  }
  return { envOwners: (name) => env.get(name) ?? [], fileOwners: (key) => file.get(key) ?? [] };
}

/** The index for `accounts`, rebuilt only when an id or label changed. */
export function cachedNameIndex(): (accounts: readonly AccountRef[]) => NameIndex {
  let signature: string | null = null;
  let index: NameIndex = buildIndex([]);
  // The engine hands back the same array while nothing changed: no signature to build then.
  let seen: readonly AccountRef[] | null = null;
  return (accounts) => {
    if (accounts === seen) return index;
    seen = accounts;
    const current = accounts.map((account) => `${account.id}\u0000${account.label}`).join('\u0001');
    if (current !== signature) {
      signature = current;
      index = buildIndex(accounts);
    }
    return index;
  };
}
