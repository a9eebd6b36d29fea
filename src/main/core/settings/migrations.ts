/**
 * Brings an older settings file up to SCHEMA_VERSION, one step per version, so each step
 * stays small and an old file of any age walks the same path. The result is checked by the
 * schema afterwards; a step only reshapes, and leaves fields it does not know in place so
 * the schema reports them instead of the migration dropping them.
 */
import { canonicalAmount } from '../../../shared/money.js';
import { PRODUCTION_BASE_URL } from '../../../shared/types.js';
import { SCHEMA_VERSION, SettingsFileProblem } from './schema.js';

export interface MigrationContext {
  newId: () => string;
}

type JsonObject = Record<string, unknown>;
type Step = (document: JsonObject, context: MigrationContext) => JsonObject;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LEGACY_SETTING_NAMES = ['notifications', 'launchAtLogin', 'showBalanceInMenuBar', 'language'];

/** Legacy thresholds were JSON numbers; their shortest text form is the decimal the user typed. */
function legacyAmount(value: unknown): unknown {
  if (typeof value !== 'number') return value;
  return canonicalAmount(String(value)) ?? value;
}

/**
 * Version 0, the prototype's flat file (no schemaVersion):
 * `{ accounts: [{ id?, label, appkey, baseUrl?, intervalSec?, low?, critical?, enabled? }],
 *    notifications?, launchAtLogin?, showBalanceInMenuBar?, language? }`.
 */
const fromVersion0: Step = (document, context) => {
  const { accounts = [], ...rest } = document;
  if (!Array.isArray(accounts)) throw new SettingsFileProblem('accounts is not a list');
  const settings: JsonObject = {};
  const others: JsonObject = {};
  for (const [name, value] of Object.entries(rest)) {
    if (LEGACY_SETTING_NAMES.includes(name)) settings[name] = value;
    else others[name] = value;
  }
  const migrated = accounts.map((account: unknown) => {
    if (!isObject(account)) return account;
    const { id, baseUrl, intervalSec, low, critical, ...fields } = account;
    const next: JsonObject = {
      ...fields,
      id: id ?? context.newId(),
      baseUrl: baseUrl ?? PRODUCTION_BASE_URL,
    };
    if (intervalSec !== undefined) next.pollIntervalSec = intervalSec;
    if (low !== undefined) next.lowThreshold = legacyAmount(low);
    if (critical !== undefined) next.criticalThreshold = legacyAmount(critical);
    return next;
  });
  return { ...others, schemaVersion: 1, settings, accounts: migrated, alerts: {} };
};

/** STEPS[n] turns a version-n document into version n+1. */
const STEPS: readonly Step[] = [fromVersion0];

export function versionOf(document: JsonObject): number {
  if (!('schemaVersion' in document)) return 0;
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new SettingsFileProblem('schemaVersion is not a whole number');
  }
  return version;
}

export interface Migrated {
  document: JsonObject;
  /** The version the file was written in; below SCHEMA_VERSION means it was migrated. */
  fromVersion: number;
}

export function migrate(raw: unknown, context: MigrationContext): Migrated {
  if (!isObject(raw)) throw new SettingsFileProblem('is not a JSON object');
  const fromVersion = versionOf(raw);
  if (fromVersion > SCHEMA_VERSION) {
    throw new SettingsFileProblem(
      `was written by a newer version of the app (schemaVersion ${fromVersion}, this one reads ${SCHEMA_VERSION})`,
    );
  }
  let document = raw;
  for (let version = fromVersion; version < SCHEMA_VERSION; version++) {
    const step = STEPS[version];
    if (!step) throw new SettingsFileProblem(`no migration from schemaVersion ${version}`);
    document = step(document, context);
  }
  return { document, fromVersion };
}
