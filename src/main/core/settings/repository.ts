/**
 * Accounts, app settings and alert state, loaded once and written through on every change.
 * A file we cannot use (invalid JSON, fails the schema, from a newer version) is moved
 * aside under a timestamped name and defaults are loaded: the user's data stays on disk
 * for them to recover, and `setAside` tells the engine what to report.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { normaliseAccount, validateAccount, validateSettingsPatch } from '../../../shared/account-rules.js';
import type { AccountInput, FieldError } from '../../../shared/ipc.js';
import type { AccountConfig, AppSettings } from '../../../shared/types.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Clock, DocumentStore } from '../ports.js';
import { migrate } from './migrations.js';
import {
  defaultDocument,
  parseDocument,
  SCHEMA_VERSION,
  SettingsFileProblem,
  settingsSchema,
  type SettingsDocument,
} from './schema.js';

/** "config.corrupt-2026-11-28T10-15-02Z.json": sortable, and legal on every file system. */
export function setAsideName(filePath: string, at: number, attempt = 0): string {
  const stamp = new Date(at)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  const extension = path.extname(filePath);
  const base = path.basename(filePath, extension);
  const suffix = attempt === 0 ? '' : `-${attempt}`;
  return path.join(path.dirname(filePath), `${base}.corrupt-${stamp}${suffix}${extension}`);
}

function moveAside(filePath: string, at: number): string {
  let attempt = 0;
  while (existsSync(setAsideName(filePath, at, attempt))) attempt++;
  const target = setAsideName(filePath, at, attempt);
  renameSync(filePath, target);
  return target;
}

/** Why read() failed, without echoing file content (JSON.parse quotes a snippet of it). */
function readProblem(error: unknown): string {
  if (error instanceof SyntaxError) return 'is not valid JSON';
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return `could not be read (${code ?? 'unknown error'})`;
}

function describeFields(fields: FieldError[]): string {
  return fields.map((problem) => `${problem.field} (${problem.key})`).join(', ');
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

export class SettingsRepository {
  #document: SettingsDocument;

  constructor(
    private readonly store: DocumentStore,
    document: SettingsDocument,
    private readonly newId: () => string,
    /** Where an unusable file was moved at open, or null. */
    readonly setAside: string | null = null,
    /** Why it was set aside (English, names fields only), or null. */
    readonly problem: string | null = null,
  ) {
    this.#document = document;
  }

  get path(): string {
    return this.store.path;
  }

  /** A copy: change it through the methods below so every change is validated and saved. */
  get document(): SettingsDocument {
    return clone(this.#document);
  }

  settings(): AppSettings {
    return clone(this.#document.settings);
  }

  accounts(): AccountConfig[] {
    return clone(this.#document.accounts);
  }

  account(id: string): AccountConfig | undefined {
    const found = this.#document.accounts.find((account) => account.id === id);
    return found && clone(found);
  }

  save(): void {
    this.store.write(this.#document);
  }

  /** Throws ValidationError; returns the stored account with its new id. */
  addAccount(input: AccountInput): AccountConfig {
    this.#check(input, null);
    const account: AccountConfig = { id: this.newId(), ...normaliseAccount(input) };
    this.#document.accounts.push(account);
    this.save();
    return clone(account);
  }

  updateAccount(id: string, input: AccountInput): AccountConfig {
    const index = this.#indexOf(id);
    this.#check(input, id);
    const account: AccountConfig = { id, ...normaliseAccount(input) };
    this.#document.accounts[index] = account;
    this.save();
    return clone(account);
  }

  /** Also forgets the account's alert state. The keychain entry is the caller's (SecretStore). */
  removeAccount(id: string): void {
    const index = this.#indexOf(id);
    this.#document.accounts.splice(index, 1);
    delete this.#document.alerts[id];
    this.save();
  }

  /** Throws ValidationError for unknown names or bad values; returns the new settings. */
  updateSettings(patch: Partial<AppSettings>): AppSettings {
    const unknown = Object.keys(patch).filter((name) => !(name in settingsSchema.shape));
    if (unknown.length > 0) throw new ValidationError(`Unknown settings: ${unknown.join(', ')}`, []);
    const fields = validateSettingsPatch(patch);
    if (fields.length > 0) throw new ValidationError(`Invalid settings: ${describeFields(fields)}`, fields);
    this.#document.settings = { ...this.#document.settings, ...patch };
    this.save();
    return this.settings();
  }

  alertState(id: string): unknown {
    return clone(this.#document.alerts[id]);
  }

  /**
   * Saves only when the state changed. An id with no account is ignored: a poll that
   * finishes after its account was removed must not bring its state back.
   */
  setAlertState(id: string, state: unknown): void {
    if (!this.#document.accounts.some((account) => account.id === id)) return;
    if (JSON.stringify(this.#document.alerts[id]) === JSON.stringify(state)) return;
    this.#document.alerts[id] = clone(state);
    this.save();
  }

  #indexOf(id: string): number {
    const index = this.#document.accounts.findIndex((account) => account.id === id);
    if (index < 0) throw new NotFoundError(`No account with id ${id}`);
    return index;
  }

  #check(input: AccountInput, selfId: string | null): void {
    const otherLabels = this.#document.accounts
      .filter((account) => account.id !== selfId)
      .map((account) => account.label);
    const fields = validateAccount(input, { otherLabels });
    if (fields.length > 0) throw new ValidationError(`Invalid account: ${describeFields(fields)}`, fields);
  }
}

/**
 * Loads the settings file: missing -> defaults (nothing written until a change); older
 * version -> migrated and written back; unusable -> set aside, defaults. Throws only when
 * an unusable file cannot be moved aside, rather than overwrite it.
 */
export function openSettings(store: DocumentStore, clock: Clock, newId: () => string = randomUUID): SettingsRepository {
  let raw: unknown;
  let problem: string;
  try {
    raw = store.read();
    if (raw === undefined) return new SettingsRepository(store, defaultDocument(), newId);
    const { document, fromVersion } = migrate(raw, { newId });
    const parsed = parseDocument(document);
    const repository = new SettingsRepository(store, parsed, newId);
    if (fromVersion < SCHEMA_VERSION) repository.save();
    return repository;
  } catch (error) {
    if (error instanceof SettingsFileProblem) problem = error.message;
    else if (raw === undefined) problem = readProblem(error);
    else throw error;
  }
  let target: string;
  try {
    target = moveAside(store.path, clock.now());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
    throw new Error(
      `The settings file ${store.path} ${problem}, and could not be moved aside (${code}); it was left untouched.`,
      { cause: error },
    );
  }
  return new SettingsRepository(store, defaultDocument(), newId, target, `The settings file ${problem}.`);
}
