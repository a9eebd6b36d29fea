/**
 * Whether this build can reach the OS keychain at all: keytar is an optional dependency, so an
 * install without the build packages (or a broken native module) has none. That is a different
 * problem from "no Secret Service running", and the window says which.
 */
import { isMissingKeytar, loadKeytar } from '../core/secrets/keytar.js';

export async function keychainModuleLoads(load: () => Promise<unknown> = loadKeytar): Promise<boolean> {
  try {
    await load();
    return true;
  } catch (error) {
    // A missing system library (libsecret) is the keychain's problem, reported when it is used.
    return !isMissingKeytar(error);
  }
}
