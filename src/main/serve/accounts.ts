/**
 * The stored accounts' ids and labels, read before the engine starts: the engine asks for
 * each secret while loading, before its snapshot lists the account, and a secret named by
 * label (EIOT_SECRET_SHOP_EU) needs the label then. Read-only: a file the engine would set
 * aside or migrate is left for the engine to handle and report.
 */
import type { DocumentStore } from '../core/ports.js';
import { migrate } from '../core/settings/migrations.js';
import { parseDocument } from '../core/settings/schema.js';
import type { AccountRef } from './secrets.js';

export function readAccountRefs(store: DocumentStore): AccountRef[] {
  try {
    const raw = store.read();
    if (raw === undefined) return [];
    // Accounts of a file too old to carry ids get theirs from the engine's migration, not
    // these placeholders, so on that one run their secrets cannot be found by label.
    const placeholders = new Set<string>();
    const newId = (): string => {
      const id = `pending-${placeholders.size}-${Math.random().toString(36).slice(2)}`;
      placeholders.add(id);
      return id;
    };
    const { document } = migrate(raw, { newId });
    return parseDocument(document)
      .accounts.filter((account) => !placeholders.has(account.id))
      .map(({ id, label }) => ({ id, label }));
  } catch {
    return [];
  }
}
