/**
 * Runtime state (each account's alert episode: what was notified, low/critical/error/
 * forecast) in `<dataDir>/state/<id>.json`, beside the history and apart from the user's
 * settings: polling changes it, and polling must never rewrite config.json. One small file
 * per account, so two engines never contend over another account's state and removing an
 * account removes its file. Written atomically, 0600.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { nodeWriteFs, removeLeftoverTemps, writePrivateFileSync, type WriteFs } from '../files/private-files.js';
import type { StateStore } from '../ports.js';

export const STATE_FOLDER = 'state';

export function statePath(dataDir: string, accountId: string): string {
  // Ids are free text up to 64 characters: encoded, none can leave the folder.
  return path.join(dataDir, STATE_FOLDER, `${encodeURIComponent(accountId)}.json`);
}

export function fileStateStore(dataDir: string, fs: WriteFs = nodeWriteFs): StateStore {
  return {
    read(accountId) {
      let text: string;
      try {
        text = readFileSync(statePath(dataDir, accountId), 'utf8');
      } catch {
        return undefined;
      }
      try {
        const parsed: unknown = JSON.parse(text);
        return typeof parsed === 'object' && parsed !== null ? (parsed as { alerts?: unknown }).alerts : undefined;
      } catch {
        // A torn file cannot happen (atomic writes); a hand-edited one starts a fresh episode.
        return undefined;
      }
    },
    write(accountId, alerts) {
      writePrivateFileSync(statePath(dataDir, accountId), `${JSON.stringify({ alerts })}\n`, fs);
    },
    has(accountId) {
      return existsSync(statePath(dataDir, accountId));
    },
    remove(accountId) {
      rmSync(statePath(dataDir, accountId), { force: true });
    },
  };
}

/** Removes temp files of crashed writers in the state and history folders. */
export function removeStateLeftovers(dataDir: string): string[] {
  const removed: string[] = [];
  for (const folder of [STATE_FOLDER, 'history']) {
    const dir = path.join(dataDir, folder);
    if (existsSync(dir) && readdirSync(dir).length > 0) removed.push(...removeLeftoverTemps(dir));
  }
  return removed;
}
