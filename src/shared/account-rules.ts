/**
 * The rules an account and the app settings must follow. Shared so the window can flag a
 * field as the user types, and main and the CLI check the same rules again before saving.
 * Each problem names its field and an i18n key; an empty list means acceptable.
 */
import { baseUrlProblem, normaliseBaseUrl } from './base-url.js';
import type { AccountInput, FieldError } from './ipc.js';
import { canonicalAmount, compareAmounts, isNegativeAmount } from './money.js';
import { hasControlCharacters } from './server-text.js';
import { POLL_INTERVAL, type AppSettings } from './types.js';

export const LABEL_MAX = 64;
export const APPKEY_MAX = 128;
export const SECRET_MAX = 512;
export const FORECAST_DAYS = { min: 0, max: 365 } as const;
const LANGUAGES: readonly string[] = ['system', 'en', 'zh-CN'];

export interface AccountRuleContext {
  /** Labels of the other accounts: labels must be unique, since the CLI accepts one for an id. */
  otherLabels?: readonly string[];
}

/** A threshold the user left empty counts as "no threshold". */
function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

function thresholdProblems(field: 'lowThreshold' | 'criticalThreshold', text: string | undefined): FieldError[] {
  if (blank(text)) return [];
  const amount = canonicalAmount((text as string).trim());
  if (amount === null) return [{ field, key: 'account.error.thresholdFormat' }];
  if (isNegativeAmount(amount)) return [{ field, key: 'account.error.thresholdNegative' }];
  return [];
}

/** The canonical decimal string of a threshold, null when blank or not an amount. */
function thresholdAmount(text: string | undefined): string | null {
  return blank(text) ? null : canonicalAmount((text as string).trim());
}

export function validateAccount(input: AccountInput, context: AccountRuleContext = {}): FieldError[] {
  const errors: FieldError[] = [];
  const label = input.label.trim();
  if (!label) errors.push({ field: 'label', key: 'account.error.required' });
  else if (hasControlCharacters(label)) errors.push({ field: 'label', key: 'account.error.labelControl' });
  else if (label.length > LABEL_MAX) {
    errors.push({ field: 'label', key: 'account.error.tooLong', params: { max: LABEL_MAX } });
  } else if (context.otherLabels?.some((other) => sameLabel(other, label))) {
    errors.push({ field: 'label', key: 'account.error.labelTaken' });
  }

  const appkey = input.appkey.trim();
  if (!appkey) errors.push({ field: 'appkey', key: 'account.error.required' });
  else if (appkey.length > APPKEY_MAX) {
    errors.push({ field: 'appkey', key: 'account.error.tooLong', params: { max: APPKEY_MAX } });
  } else if (/\s/.test(appkey)) errors.push({ field: 'appkey', key: 'account.error.appkeySpaces' });

  const baseUrl = input.baseUrl.trim();
  const urlProblem = baseUrl ? baseUrlProblem(baseUrl) : null;
  if (!baseUrl) errors.push({ field: 'baseUrl', key: 'account.error.required' });
  else if (urlProblem) errors.push({ field: 'baseUrl', key: `account.error.baseUrl.${urlProblem}` });

  const interval = input.pollIntervalSec;
  if (!Number.isInteger(interval) || interval < POLL_INTERVAL.minSec || interval > POLL_INTERVAL.maxSec) {
    errors.push({
      field: 'pollIntervalSec',
      key: 'account.error.interval',
      params: { min: POLL_INTERVAL.minSec, max: POLL_INTERVAL.maxSec },
    });
  }

  const lowErrors = thresholdProblems('lowThreshold', input.lowThreshold);
  const criticalErrors = thresholdProblems('criticalThreshold', input.criticalThreshold);
  errors.push(...lowErrors, ...criticalErrors);
  if (lowErrors.length === 0 && criticalErrors.length === 0) {
    const low = thresholdAmount(input.lowThreshold);
    const critical = thresholdAmount(input.criticalThreshold);
    if (low !== null && critical !== null && compareAmounts(critical, low) > 0) {
      errors.push({ field: 'criticalThreshold', key: 'account.error.criticalAboveLow' });
    }
  }

  if (typeof input.enabled !== 'boolean') errors.push({ field: 'enabled', key: 'account.error.boolean' });
  return errors;
}

/** Labels compare without case or surrounding spaces: "Shop" and " shop" are one name. */
export function sameLabel(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The stored form of valid input: trimmed, base URL without trailing slash, thresholds
 * canonical ("100" -> "100.00") and absent when blank.
 */
export function normaliseAccount(input: AccountInput): AccountInput {
  const canonical = (text: string | undefined): string | undefined => thresholdAmount(text) ?? undefined;
  const result: AccountInput = {
    label: input.label.trim(),
    appkey: input.appkey.trim(),
    baseUrl: normaliseBaseUrl(input.baseUrl),
    pollIntervalSec: input.pollIntervalSec,
    enabled: input.enabled,
  };
  const low = canonical(input.lowThreshold);
  const critical = canonical(input.criticalThreshold);
  if (low !== undefined) result.lowThreshold = low;
  if (critical !== undefined) result.criticalThreshold = critical;
  return result;
}

export function validateSecret(secret: string): FieldError[] {
  if (secret.length === 0) return [{ field: 'secret', key: 'account.error.required' }];
  if (secret.length > SECRET_MAX) {
    return [{ field: 'secret', key: 'account.error.tooLong', params: { max: SECRET_MAX } }];
  }
  return [];
}

/** Checks only the fields present; unknown names are the schema's business (see settings/schema.ts). */
export function validateSettingsPatch(patch: Partial<AppSettings>): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['notifications', 'launchAtLogin', 'showBalanceInMenuBar', 'autoUpdate'] as const) {
    if (field in patch && typeof patch[field] !== 'boolean') {
      errors.push({ field, key: 'account.error.boolean' });
    }
  }
  if ('language' in patch && !LANGUAGES.includes(patch.language as string)) {
    errors.push({ field: 'language', key: 'account.error.language' });
  }
  if ('updateChannel' in patch && patch.updateChannel !== 'latest' && patch.updateChannel !== 'beta') {
    errors.push({ field: 'updateChannel', key: 'update.error.channel' });
  }
  if ('forecastWarnDays' in patch) {
    const days = patch.forecastWarnDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < FORECAST_DAYS.min || days > FORECAST_DAYS.max) {
      errors.push({
        field: 'forecastWarnDays',
        key: 'account.error.forecastDays',
        params: { min: FORECAST_DAYS.min, max: FORECAST_DAYS.max },
      });
    }
  }
  return errors;
}
