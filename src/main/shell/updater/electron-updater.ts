/**
 * The Updater port on electron-updater: the only file that imports it. It keeps the
 * library's own verification (the sha512 the feed gives for every file; on Windows, the
 * installer's Authenticode publisher against the `publisherName` electron-builder writes into
 * app-update.yml when the build was signed) and adds our rules:
 * - never a downgrade, whatever the channel setter does to `allowDowngrade`;
 * - the `beta` channel is `allowPrerelease`;
 * - download only when the policy says so, never a web installer, install on quit only in
 *   `auto` mode (a .deb is never installed by the app: that would need root);
 * - nothing identifying is sent: electron-updater's per-install staging id header is removed.
 */
import {
  AppImageUpdater,
  DebUpdater,
  MacUpdater,
  NsisUpdater,
  type AppUpdater,
  type Logger,
  type UpdateInfo,
} from 'electron-updater';
import type { UpdateChannel } from '../../../shared/types.js';
import type { UpdateFailureReason } from '../../../shared/update-status.js';
import type { Installation, InstallKind } from './install-kind.js';
import { UpdateFailure, type CheckResult, type Updater } from './port.js';

export interface ElectronUpdaterOptions {
  installation: Installation;
  currentVersion: string;
  /** From app-update.yml: where a manual update is downloaded. */
  downloadPage: string | null;
  log(line: string): void;
  /** Tests build the library's updater themselves; production picks it by kind. */
  create?: (kind: Exclude<InstallKind, 'none'>) => AppUpdater;
}

/** The request header electron-updater adds for staged rollouts: a random id kept per install. */
export const STAGING_ID_HEADER = 'x-user-staging-id';

function createNative(kind: Exclude<InstallKind, 'none'>): AppUpdater {
  switch (kind) {
    case 'nsis':
      return new NsisUpdater();
    case 'mac':
      return new MacUpdater();
    case 'appimage':
      return new AppImageUpdater();
    case 'deb':
      return new DebUpdater();
  }
}

export function createElectronUpdater(options: ElectronUpdaterOptions): Updater {
  const { installation, currentVersion, downloadPage, log } = options;
  const { kind, mode } = installation;
  if (kind === 'none' || mode === 'unsupported') {
    return {
      mode: 'unsupported',
      currentVersion,
      downloadPage,
      check: () => Promise.reject(new UpdateFailure('other', 'not an installed build')),
      download: () => Promise.reject(new UpdateFailure('other', 'not an installed build')),
      installNow: () => undefined,
    };
  }
  const native = (options.create ?? createNative)(kind);
  native.logger = quietLogger(log);
  native.autoDownload = false;
  native.autoInstallOnAppQuit = mode === 'auto';
  native.disableWebInstaller = true;
  withoutStagingId(native);
  let found: UpdateInfo | null = null;

  return {
    mode,
    currentVersion,
    downloadPage,
    async check(channel: UpdateChannel): Promise<CheckResult> {
      // The channel setter also turns allowDowngrade on; it must stay off.
      native.channel = channel;
      native.allowPrerelease = channel === 'beta';
      native.allowDowngrade = false;
      let result;
      try {
        result = await native.checkForUpdates();
      } catch (error) {
        throw toUpdateFailure(error);
      }
      if (!result) throw new UpdateFailure('other', 'the updater is not active in this build');
      found = result.isUpdateAvailable ? result.updateInfo : null;
      return { available: result.isUpdateAvailable, version: result.updateInfo.version };
    },
    async download(): Promise<void> {
      if (mode !== 'auto' || !found) throw new UpdateFailure('other', 'nothing to download');
      try {
        await native.downloadUpdate();
      } catch (error) {
        throw toUpdateFailure(error);
      }
    },
    installNow(): void {
      // Silent (the per-user installer asks nothing) and started again afterwards.
      if (mode === 'auto') native.quitAndInstall(true, true);
    },
  };
}

/** electron-updater's errors, by their codes, in the user's terms. */
export function toUpdateFailure(error: unknown): UpdateFailure {
  if (error instanceof UpdateFailure) return error;
  const { code, message, name, statusCode } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    statusCode?: unknown;
  };
  const text = typeof message === 'string' ? message : String(error);
  const reason = ((): UpdateFailureReason => {
    switch (code) {
      case 'ERR_CHECKSUM_MISMATCH':
        return 'checksum';
      case 'ERR_UPDATER_INVALID_SIGNATURE':
        return 'signature';
      case 'ERR_UPDATER_INVALID_UPDATE_INFO':
      case 'ERR_UPDATER_INVALID_VERSION':
      case 'ERR_UPDATER_NO_FILES_PROVIDED':
      case 'ERR_UPDATER_NO_CHECKSUM':
      case 'ERR_UPDATER_INVALID_RELEASE_FEED':
        return 'feed';
      case 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND':
      case 'ERR_UPDATER_NO_PUBLISHED_VERSIONS':
      case 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND':
        return 'not-found';
    }
    if (name === 'YAMLException') return 'feed';
    // A download answered 404 says so only in its message.
    if (statusCode === 404 || /, status 404:/.test(text)) return 'not-found';
    if (/net::ERR_INTERNET_DISCONNECTED|net::ERR_NETWORK_CHANGED/.test(text)) return 'offline';
    if (
      /^net::|Request timed out|aborted by the server|socket hang up/.test(text) ||
      (typeof statusCode === 'number' && statusCode >= 500) ||
      (typeof code === 'string' && /^E(CONN|NOTFOUND|TIMEDOUT|AI_AGAIN|PIPE|HOSTUNREACH|NETUNREACH)/.test(code))
    ) {
      return 'network';
    }
    return 'other';
  })();
  // The first line only: electron-updater appends whole feeds and stacks to its messages.
  return new UpdateFailure(reason, text.split('\n')[0] ?? text);
}

/** Warnings and errors to the app's log, one line each; the library's chatter is dropped. */
function quietLogger(log: (line: string) => void): Logger {
  const line = (message?: unknown) => String(message).split('\n')[0] ?? '';
  return {
    info: () => undefined,
    warn: (message?: unknown) => log(`updater: ${line(message)}`),
    error: (message?: unknown) => log(`updater: ${line(message)}`),
  };
}

/**
 * electron-updater sends a random id, kept in the user-data folder, with every request so a
 * server can stage rollouts. We publish to GitHub, which does not use it, and send nothing
 * that tells one installation from another. The method is private in the typings, so it is
 * reached by name; test/updates/electron-updater.test.ts fails if the header comes back.
 */
function withoutStagingId(native: AppUpdater): void {
  type Headers = Record<string, unknown>;
  const target = native as unknown as { computeFinalHeaders(headers: Headers): Headers };
  const original = target.computeFinalHeaders.bind(native);
  target.computeFinalHeaders = (headers) => {
    const final = original(headers);
    delete final[STAGING_ID_HEADER];
    return final;
  };
}
