/**
 * keytar is an optional dependency: a build without it says "no keychain support" with the
 * fix, in the app and the CLI, distinct from "no Secret Service running".
 */
import { describe, expect, test } from 'vitest';
import { KeychainUnavailableError } from '../../src/main/core/errors.js';
import { KeychainSecretStore, NO_KEYCHAIN_SUPPORT } from '../../src/main/core/secrets/keytar.js';
import { keychainError } from '../../src/main/cli/stored.js';
import { keychainModuleLoads } from '../../src/main/shell/keychain-module.js';
import type { CommandContext } from '../../src/main/cli/io.js';
import { translator } from '../../src/shared/i18n/index.js';

const notInstalled = () =>
  Object.assign(new Error("Cannot find package 'keytar' imported from /app/dist/main/index.js"), {
    code: 'ERR_MODULE_NOT_FOUND',
  });
const notBuilt = () => new Error('Could not locate the bindings file. Tried: build/Release/keytar.node');
const noLibsecret = () => new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');

async function failureOf(load: () => Promise<never>): Promise<KeychainUnavailableError> {
  const store = new KeychainSecretStore({ platform: 'linux', load });
  const error = await store.get({ id: 'id', label: 'Main' }).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof KeychainUnavailableError))
    throw new Error(`expected KeychainUnavailableError, got ${String(error)}`);
  return error;
}

describe('no keychain support in this build', () => {
  test.each([
    ['not installed', notInstalled],
    ['not built', notBuilt],
  ])('keytar %s: "no keychain support" with the build packages', async (_name, cause) => {
    const error = await failureOf(async () => {
      throw cause();
    });
    expect(error.reason).toBe('no-module');
    expect(error.message).toContain(NO_KEYCHAIN_SUPPORT);
    expect(error.message).toContain('libsecret-1-dev python3 make g++');
  });

  test('a missing libsecret is the other problem: install a Secret Service', async () => {
    const error = await failureOf(async () => {
      throw noLibsecret();
    });
    expect(error.reason).toBe('no-service');
    expect(error.message).not.toContain('no keychain support');
    expect(error.message).toContain('gnome-keyring');
  });

  test('the app asks the window to say it only when the module itself is missing', async () => {
    expect(await keychainModuleLoads(async () => ({}))).toBe(true);
    expect(await keychainModuleLoads(async () => Promise.reject(notInstalled()))).toBe(false);
    expect(await keychainModuleLoads(async () => Promise.reject(notBuilt()))).toBe(false);
    expect(await keychainModuleLoads(async () => Promise.reject(noLibsecret()))).toBe(true);
  });

  test('the CLI says which problem it is', () => {
    const context = { t: translator('en') } as CommandContext;
    const message = (error: KeychainUnavailableError) => {
      try {
        keychainError(context, error);
      } catch (thrown) {
        return (thrown as Error).message;
      }
      return '';
    };
    expect(message(new KeychainUnavailableError('x', { reason: 'no-module' }))).toMatch(
      /^This build has no keychain support.*libsecret-1-dev python3 make g\+\+/,
    );
    expect(message(new KeychainUnavailableError('x'))).not.toContain('no keychain support');
  });
});
