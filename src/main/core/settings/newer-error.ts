import { SCHEMA_VERSION } from './schema-version.js';

/**
 * The file was written by a newer version: it is read as far as possible and never renamed
 * or rewritten, so after a downgrade the newer version still finds it intact. Its own module
 * so the CLI's error mapping does not load the zod schema for every command.
 */
export class NewerSettingsError extends Error {
  override readonly name = 'NewerSettingsError';
  constructor(readonly schemaVersion: number) {
    super(
      `written by a newer version of EIOT Balance (schema ${schemaVersion}); this version reads schema ${SCHEMA_VERSION} and will not change it`,
    );
  }
}
