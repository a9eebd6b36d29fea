/**
 * The changes a user can make to the settings, each as an edit of the CURRENT document
 * inside SettingsFile.update: validated against what is in the file now (another process
 * may have added an account with the same label a moment ago), never against a copy.
 */
import { normaliseAccount, validateAccount, validateSettingsPatch } from '../../../shared/account-rules.js';
import type { AccountInput, FieldError } from '../../../shared/ipc.js';
import type { AccountConfig, AppSettings } from '../../../shared/types.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { settingsSchema, type SettingsDocument } from './schema.js';

function describeFields(fields: FieldError[]): string {
  return fields.map((problem) => `${problem.field} (${problem.key})`).join(', ');
}

function indexOf(document: SettingsDocument, id: string): number {
  const index = document.accounts.findIndex((account) => account.id === id);
  if (index < 0) throw new NotFoundError(`No account with id ${id}`);
  return index;
}

export function checkAccount(document: SettingsDocument, input: AccountInput, selfId: string | null): void {
  const otherLabels = document.accounts.filter((account) => account.id !== selfId).map((account) => account.label);
  const fields = validateAccount(input, { otherLabels });
  if (fields.length > 0) throw new ValidationError(`Invalid account: ${describeFields(fields)}`, fields);
}

/** Throws ValidationError; returns the stored account. */
export function addAccount(document: SettingsDocument, input: AccountInput, id: string): AccountConfig {
  checkAccount(document, input, null);
  const account: AccountConfig = { id, ...normaliseAccount(input) };
  document.accounts.push(account);
  return structuredClone(account);
}

export function updateAccount(document: SettingsDocument, id: string, input: AccountInput): AccountConfig {
  const index = indexOf(document, id);
  checkAccount(document, input, id);
  const account: AccountConfig = { id, ...normaliseAccount(input) };
  document.accounts[index] = account;
  return structuredClone(account);
}

/** Returns the removed account and where it was, so a failed later step can put it back. */
export function removeAccount(document: SettingsDocument, id: string): { account: AccountConfig; index: number } {
  const index = indexOf(document, id);
  const [account] = document.accounts.splice(index, 1);
  return { account: account as AccountConfig, index };
}

/** Throws ValidationError for unknown names or bad values; returns the new settings. */
export function updateSettings(document: SettingsDocument, patch: Partial<AppSettings>): AppSettings {
  const unknown = Object.keys(patch).filter((name) => !(name in settingsSchema.shape));
  if (unknown.length > 0) throw new ValidationError(`Unknown settings: ${unknown.join(', ')}`, []);
  const fields = validateSettingsPatch(patch);
  if (fields.length > 0) throw new ValidationError(`Invalid settings: ${describeFields(fields)}`, fields);
  document.settings = { ...document.settings, ...patch };
  return structuredClone(document.settings);
}
