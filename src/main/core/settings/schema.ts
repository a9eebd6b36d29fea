/**
 * The settings file at the current schema version. Unknown fields are rejected rather than
 * dropped, so a typo or a field from a newer app is reported instead of silently lost;
 * missing optional fields get their defaults. Messages name fields, never values: a file
 * could hold something sensitive a user pasted into the wrong place.
 */
import { z } from 'zod';
import { APPKEY_MAX, LABEL_MAX, FORECAST_DAYS } from '../../../shared/account-rules.js';
import { baseUrlProblem } from '../../../shared/base-url.js';
import { compareAmounts, isAmount, isNegativeAmount } from '../../../shared/money.js';
import { DEFAULT_SETTINGS, POLL_INTERVAL, type AccountConfig, type AppSettings } from '../../../shared/types.js';

import { SCHEMA_VERSION } from './schema-version.js';

export { SCHEMA_VERSION } from './schema-version.js';

const amount = z
  .string()
  .refine((text) => isAmount(text) && !isNegativeAmount(text), 'must be an amount such as "100.00"');

const accountSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    label: z.string().min(1).max(LABEL_MAX),
    appkey: z.string().min(1).max(APPKEY_MAX),
    baseUrl: z.string().refine((url) => baseUrlProblem(url) === null, 'must be https (plain http only to localhost)'),
    pollIntervalSec: z
      .number()
      .int()
      .min(POLL_INTERVAL.minSec)
      .max(POLL_INTERVAL.maxSec)
      .default(POLL_INTERVAL.defaultSec),
    lowThreshold: amount.optional(),
    criticalThreshold: amount.optional(),
    enabled: z.boolean().default(true),
  })
  .refine(
    ({ lowThreshold, criticalThreshold }) =>
      lowThreshold === undefined ||
      criticalThreshold === undefined ||
      !isAmount(criticalThreshold) ||
      !isAmount(lowThreshold) ||
      compareAmounts(criticalThreshold, lowThreshold) <= 0,
    { message: 'critical threshold is above the low threshold', path: ['criticalThreshold'] },
  );

export const settingsSchema = z.strictObject({
  notifications: z.boolean().default(DEFAULT_SETTINGS.notifications),
  launchAtLogin: z.boolean().default(DEFAULT_SETTINGS.launchAtLogin),
  showBalanceInMenuBar: z.boolean().default(DEFAULT_SETTINGS.showBalanceInMenuBar),
  language: z.enum(['system', 'en', 'zh-CN']).default(DEFAULT_SETTINGS.language),
  forecastWarnDays: z
    .number()
    .int()
    .min(FORECAST_DAYS.min)
    .max(FORECAST_DAYS.max)
    .default(DEFAULT_SETTINGS.forecastWarnDays),
  autoUpdate: z.boolean().default(DEFAULT_SETTINGS.autoUpdate),
  updateChannel: z.enum(['latest', 'beta']).default(DEFAULT_SETTINGS.updateChannel),
});

export const documentSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    // prefault: a missing block is parsed as {}, so each field gets its own default.
    settings: settingsSchema.prefault({}),
    accounts: z.array(accountSchema).default(() => []),
  })
  .refine(({ accounts }) => new Set(accounts.map((a) => a.id)).size === accounts.length, {
    message: 'two accounts share one id',
    path: ['accounts'],
  });

export interface SettingsDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  settings: AppSettings;
  accounts: AccountConfig[];
}

// Compile-time proof that the schema produces exactly the shared types.
const _sameShape: (parsed: z.output<typeof documentSchema>) => SettingsDocument = (parsed) => parsed;

export function defaultDocument(): SettingsDocument {
  return { schemaVersion: SCHEMA_VERSION, settings: { ...DEFAULT_SETTINGS }, accounts: [] };
}

export { NewerSettingsError } from './newer-error.js';

/** A file we will not load; `message` says why, for the log and the user. */
export class SettingsFileProblem extends Error {
  override readonly name = 'SettingsFileProblem';
}

/** "accounts[0].label", the JSON path of a field as a user would look for it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/**
 * "accounts[0].label: Too big..." — the FIRST problem, where and what, never the offending
 * value: one named field is something a user can go and fix; a list of ten is not.
 */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is invalid';
  const where = fieldPath(issue.path);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return where ? `${where}: ${issue.message}${more}` : `${issue.message}${more}`;
}

export function parseDocument(raw: unknown): SettingsDocument {
  const result = documentSchema.safeParse(raw);
  if (!result.success) throw new SettingsFileProblem(`has an invalid field at ${describeIssues(result.error)}`);
  return result.data;
}

/**
 * A file from a newer version, read as far as this version understands it: fields it does
 * not know are ignored, an account it cannot read is left out. Never written back.
 */
export function parseNewerDocument(raw: Record<string, unknown>): SettingsDocument {
  const settings = settingsSchema.strip().safeParse(raw.settings ?? {});
  const accounts = Array.isArray(raw.accounts) ? raw.accounts : [];
  const readable: AccountConfig[] = [];
  for (const account of accounts) {
    // strip(): the same rules, ignoring fields a newer version added.
    const parsed = accountSchema.strip().safeParse(account);
    if (parsed.success) readable.push(parsed.data);
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: settings.success ? settings.data : { ...DEFAULT_SETTINGS },
    accounts: readable,
  };
}
