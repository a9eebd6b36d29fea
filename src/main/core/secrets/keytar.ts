/**
 * Account secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Linux
 * Secret Service via libsecret): one entry per account, service "EIOT Balance", account =
 * the account's id. The only file that imports keytar. keytar is loaded on first use, so a
 * missing native module or a machine without a Secret Service becomes a typed
 * KeychainUnavailableError the engine can fall back from, not a crash at startup.
 */
import { KeychainUnavailableError } from '../errors.js';
import type { SecretStore } from '../ports.js';

export const KEYCHAIN_SERVICE = 'EIOT Balance';

export const KEYCHAIN_INSTALL_HINT =
  'No system keychain found. Install and unlock a Secret Service such as gnome-keyring or KWallet (Debian/Ubuntu: apt install gnome-keyring libsecret-1-0).';

/** The part of keytar this store uses; tests pass a fake through `load`. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * What libsecret/GDBus say when there is no usable Secret Service: no session bus
 * (headless, no DISPLAY), a bus without org.freedesktop.secrets, a locked or missing
 * default collection (the unlock prompt could not be shown). Collected from keytar's and
 * its users' issue trackers and reproduced under dbus-run-session.
 */
const NO_SECRET_SERVICE = [
  /org\.freedesktop\.secrets/i,
  /org\.freedesktop\.Secret\./i,
  /ServiceUnknown/i,
  /autolaunch D-Bus/i,
  /Could not connect/i,
  /unsupported transport/i,
  /dbus-launch/i,
  /DBUS_SESSION_BUS_ADDRESS/i,
  /message bus/i,
  /Object does not exist at path/i,
  /locked/i,
  /prompt/i,
];

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A keychain message never contains the secret, but scrub it anyway: it must not leak. */
function scrub(message: string, secret: string | undefined): string {
  return secret ? message.split(secret).join('***') : message;
}

export interface KeychainOptions {
  service?: string;
  load?: () => Promise<KeytarApi>;
  platform?: NodeJS.Platform;
}

async function loadKeytar(): Promise<KeytarApi> {
  const module = await import('keytar');
  // keytar is CommonJS: under ESM its functions sit on `default`.
  return (module as { default?: KeytarApi }).default ?? module;
}

export class KeychainSecretStore implements SecretStore {
  readonly #service: string;
  readonly #load: () => Promise<KeytarApi>;
  readonly #platform: NodeJS.Platform;
  #keytar: Promise<KeytarApi> | null = null;

  constructor(options: KeychainOptions = {}) {
    this.#service = options.service ?? KEYCHAIN_SERVICE;
    this.#load = options.load ?? loadKeytar;
    // eslint-disable-next-line no-restricted-globals -- the default; tests pass the platform whose messages they check
    this.#platform = options.platform ?? process.platform;
  }

  get(accountId: string): Promise<string | null> {
    return this.#call((keytar) => keytar.getPassword(this.#service, accountId));
  }

  /** setPassword replaces an existing entry in place, keeping the user's access grants. */
  set(accountId: string, secret: string): Promise<void> {
    return this.#call((keytar) => keytar.setPassword(this.#service, accountId, secret), secret);
  }

  delete(accountId: string): Promise<boolean> {
    return this.#call((keytar) => keytar.deletePassword(this.#service, accountId));
  }

  async #call<T>(action: (keytar: KeytarApi) => Promise<T>, secret?: string): Promise<T> {
    let keytar: KeytarApi;
    try {
      keytar = await (this.#keytar ??= this.#load());
    } catch (error) {
      this.#keytar = null;
      throw this.#unavailable(`the keychain module could not be loaded: ${messageOf(error)}`, error);
    }
    try {
      return await action(keytar);
    } catch (error) {
      const detail = scrub(messageOf(error), secret);
      if (this.#platform === 'linux' && NO_SECRET_SERVICE.some((pattern) => pattern.test(detail))) {
        throw this.#unavailable(detail);
      }
      throw new Error(`Keychain error: ${detail}`);
    }
  }

  #unavailable(detail: string, cause?: unknown): KeychainUnavailableError {
    const lead = this.#platform === 'linux' ? KEYCHAIN_INSTALL_HINT : 'The system keychain could not be used.';
    // `cause` only for load failures: they happen before any secret is handled.
    return new KeychainUnavailableError(`${lead} (${detail})`, cause === undefined ? {} : { cause });
  }
}
