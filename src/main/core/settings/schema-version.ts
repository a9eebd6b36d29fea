/**
 * The settings file's schema version, apart from the zod schema so the CLI can name it in an
 * error without loading zod.
 * 2: alert state left this file for the state folder (runtime state, see core/state).
 * 3: update settings (autoUpdate, updateChannel).
 */
export const SCHEMA_VERSION = 3;
