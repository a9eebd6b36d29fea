/**
 * Secrets for headless hosts, where no desktop keychain runs: environment variables or a
 * file, read-only. Lookup order per account: `EIOT_SECRET_<ID>`, `EIOT_SECRET_<LABEL>`, the
 * file's entry for the id, then for the label, then the fallback store (the keychain) if any.
 * Names: upper-cased, every run of characters outside A-Z and 0-9 becomes one `_`, no `_` at
 * either end ("Shop EU-2" -> EIOT_SECRET_SHOP_EU_2).
 *
 * A name that fits two accounts (one's label and the other's id, or two labels) is never
 * used: whichever won, one account could be polled with the other's secret. `ambiguities()`
 * lists those that are set, so the service refuses to start and names both accounts.
 */
import { readFileSync, statSync } from 'node:fs';
import { KeychainUnavailableError } from '../core/errors.js';
import type { SecretRef, SecretStore } from '../core/ports.js';
import type { Translate } from '../../shared/i18n/index.js';
import { SECRET_ENV_PREFIX, envName } from './env-name.js';
import { ServeConfigError } from './config-error.js';
import { cachedNameIndex } from './secret-names.js';

export { SECRET_ENV_PREFIX, envName } from './env-name.js';
export { ServeConfigError } from './config-error.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface AccountRef {
  id: string;
  label: string;
}

/**
 * Reads a file holding secrets or a token, refusing it when group or others may read or
 * write it (POSIX): 0600 or 0400 pass.
 */
export function readPrivateFile(
  file: string,
  what: 'token file' | 'secrets file',
  platform: NodeJS.Platform = process.platform,
): string {
  const noun = (t: Translate): string => t(what === 'token file' ? 'serve.file.token' : 'serve.file.secrets');
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ServeConfigError((t) => t('serve.error.unreadable', { what: noun(t), file, code }));
  }
  if (platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    throw new ServeConfigError((t) => t('serve.error.mode', { what: noun(t), file, mode: octal }));
  }
  return readFileSync(file, 'utf8');
}

/** A JSON object `{ "<id or label>": "<secret>" }`, or lines `<id or label>=<secret>` (`#` comments). */
export function parseSecretsFile(text: string, file: string): Map<string, string> {
  const entries = new Map<string, string>();
  if (text.trimStart().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // The parser's message may quote the file's content, which holds secrets.
      throw new ServeConfigError((t) => t('serve.error.secretsNotJson', { file }));
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ServeConfigError((t) => t('serve.error.secretsNotObject', { file }));
    }
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value !== 'string' || value === '') {
        throw new ServeConfigError((t) => t('serve.error.secretsValue', { file, name }));
      }
      entries.set(name, value);
    }
    return entries;
  }
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const at = line.indexOf('=');
    const name = at > 0 ? line.slice(0, at).trim() : '';
    const value = at > 0 ? line.slice(at + 1).trim() : '';
    // Only the line number: the line itself may be a secret.
    if (!name || !value) throw new ServeConfigError((t) => t('serve.error.secretsLine', { file, line: index + 1 }));
    entries.set(name, value);
  });
  return entries;
}

export interface HeadlessSecretsOptions {
  env: Env;
  /** Parsed secrets file, if one was given. */
  file?: Map<string, string>;
  /**
   * Every account the engine knows (its snapshot), to refuse a label two of them share;
   * looked up on every get. The label itself comes with each request.
   */
  accounts: () => readonly AccountRef[];
  fallback?: SecretStore;
}

/** A variable or secrets-file entry that fits more than one account. */
export interface Ambiguity {
  /** `EIOT_SECRET_X`, or the secrets-file key. */
  source: string;
  accounts: AccountRef[];
}

export class HeadlessSecretStore implements SecretStore {
  private readonly index = cachedNameIndex();

  constructor(private readonly options: HeadlessSecretsOptions) {}

  async get(account: SecretRef): Promise<string | null> {
    const own = this.lookup(account);
    if (own !== null) return own;
    try {
      return (await this.options.fallback?.get(account)) ?? null;
    } catch (error) {
      // A server without a keychain simply has no secret there; any other refusal propagates.
      if (error instanceof KeychainUnavailableError) return null;
      throw error;
    }
  }

  isSessionOnly(): boolean {
    return false;
  }

  /** Where the secret of an account would come from, for messages: never the secret. */
  sourceNames(account: AccountRef): string[] {
    const index = this.index(this.options.accounts());
    const names = [envName(account.id), envName(account.label)];
    return names.filter(
      (name): name is string => name !== null && index.envOwners(name).every((owner) => owner.id === account.id),
    );
  }

  /** The variables and file entries that are set and fit more than one account. */
  ambiguities(): Ambiguity[] {
    const index = this.index(this.options.accounts());
    const found: Ambiguity[] = [];
    const check = (source: string, owners: readonly AccountRef[]): void => {
      if (owners.length > 1) found.push({ source, accounts: [...owners] });
    };
    for (const [name, value] of Object.entries(this.options.env)) {
      if (name.startsWith(SECRET_ENV_PREFIX) && value !== undefined && value !== '') check(name, index.envOwners(name));
    }
    for (const key of this.options.file?.keys() ?? []) check(key, index.fileOwners(key));
    return found;
  }

  /** Every secret this store holds, so an output can be checked against them. */
  knownSecrets(): string[] {
    const fromEnv = Object.entries(this.options.env)
      .filter(([name]) => name.startsWith(SECRET_ENV_PREFIX))
      .map(([, value]) => value ?? '');
    return [...fromEnv, ...(this.options.file?.values() ?? [])].filter((value) => value !== '');
  }

  async set(): Promise<void> {
    throw new ServeConfigError((t) => t('serve.error.readOnly'));
  }

  async delete(): Promise<boolean> {
    throw new ServeConfigError((t) => t('serve.error.readOnly'));
  }

  private lookup(account: AccountRef): string | null {
    const { env, file } = this.options;
    const index = this.index(this.options.accounts());
    const mine = (owners: readonly AccountRef[]): boolean => owners.every((owner) => owner.id === account.id);
    const envNames = [envName(account.id), envName(account.label)].filter(
      (name): name is string => name !== null && mine(index.envOwners(name)),
    );
    const fileKeys = [account.id, account.label].filter((key) => mine(index.fileOwners(key)));
    const candidates = [...envNames.map((name) => env[name]), ...fileKeys.map((key) => file?.get(key))];
    return candidates.find((value) => value !== undefined && value !== '') ?? null;
  }
}

/** Names set that fit two accounts; the CLI words it in the user's language from `ambiguities`. */
export class AmbiguousSecretsError extends ServeConfigError {
  constructor(readonly ambiguities: readonly (Ambiguity & { fromEnv: boolean })[]) {
    // The CLI words this one itself (cli/serve-errors.ts); `message` is the operator's English.
    super(() => ambiguityMessage(ambiguities));
  }
}

export function ambiguousSecretsError(ambiguities: readonly Ambiguity[], env: Env): AmbiguousSecretsError {
  return new AmbiguousSecretsError(
    ambiguities.map((found) => ({ ...found, fromEnv: Object.hasOwn(env, found.source) })),
  );
}

/** The refusal for the operator: each ambiguous name with the accounts it fits. Never a secret. */
function ambiguityMessage(ambiguities: readonly (Ambiguity & { fromEnv: boolean })[]): string {
  const lines = ambiguities.map(({ source, accounts, fromEnv }) => {
    const what = fromEnv ? source : `secrets file entry "${source}"`;
    const named = accounts.map((account) => `"${account.label}" (${account.id})`).join(', ');
    return `  ${what} fits ${named}`;
  });
  return `ambiguous secret names, refusing to guess which account they belong to:\n${lines.join('\n')}\nRename a label (eiot-balance accounts edit ID --label NEW) so each name fits one account, then set the secrets again`;
}
