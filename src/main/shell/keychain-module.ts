/**
 * Whether this build can reach the OS keychain at all: keytar is an optional dependency, so an
 * install without the build packages (or a broken native module) has none. That is a different
 * problem from "no Secret Service running", and the window says which.
 */
export async function keychainModuleLoads(): Promise<boolean> {
  try {
    await import('keytar');
    return true;
  } catch {
    return false;
  }
}
