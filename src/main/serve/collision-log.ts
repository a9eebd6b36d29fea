/**
 * A secret name that comes to fit two accounts while serve runs (say, `accounts edit
 * --label` from another shell) is refused by lookup (secrets.ts): neither account gets it,
 * and both start failing for want of a secret. This says why, once per new collision, as a
 * structured warning naming the variable or secrets-file key and both accounts; never the
 * secret. At start the same collision is a refusal (AmbiguousSecretsError) instead.
 */
import type { EngineApi } from '../core/engine-api.js';
import type { EventLog } from './event-log.js';
import type { Ambiguity } from './secrets.js';

export interface CollisionSource {
  ambiguities(): Ambiguity[];
}

const keyOf = (found: Ambiguity): string =>
  JSON.stringify([found.source, found.accounts.map((account) => [account.id, account.label])]);

/**
 * Checks after each engine update whose accounts' ids or labels differ from the last check
 * (the names only change with them; the environment and the file are read once), at no cost
 * on the once-a-second updates in between. Returns the unsubscribe.
 */
export function logSecretCollisions(
  engine: Pick<EngineApi, 'subscribe' | 'accountRefs'>,
  secrets: CollisionSource,
  log: Pick<EventLog, 'warn'>,
  fromEnv: (source: string) => boolean,
): () => void {
  // The engine hands out the same array while no id or label changes (engine-api.ts).
  let refs = engine.accountRefs();
  // Collisions present at start were refused there; only later ones are news.
  let known = new Set(secrets.ambiguities().map(keyOf));
  return engine.subscribe(() => {
    const next = engine.accountRefs();
    if (next === refs) return;
    refs = next;
    const now = secrets.ambiguities();
    for (const found of now) {
      if (known.has(keyOf(found))) continue;
      const accounts = found.accounts.map(({ id, label }) => ({ id, label }));
      const named = accounts.map((account) => `"${account.label}" (${account.id})`).join(', ');
      log.warn(
        {
          event: 'secret-name-ambiguous',
          name: found.source,
          from: fromEnv(found.source) ? 'env' : 'secrets-file',
          accounts,
        },
        `${fromEnv(found.source) ? found.source : `secrets file entry "${found.source}"`} fits ${named}: neither account gets this secret until a label is changed`,
      );
    }
    known = new Set(now.map(keyOf));
  });
}
