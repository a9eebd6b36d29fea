/**
 * Where the app's own update stands, as the tray, the notification and the window show it.
 * Plain JSON: it travels to the window over IPC. Versions are the feed's semver strings.
 */
import type { Translate } from './i18n/index.js';

/**
 * How this installation can be updated:
 * - `auto`: electron-updater downloads in the background and installs on quit or restart
 *   (Windows installer, signed macOS app, Linux AppImage);
 * - `manual`: the app checks and points to the download; the user installs it (a macOS build
 *   without signing, which Squirrel.Mac refuses to update, and the Linux .deb, which would
 *   need a root install);
 * - `unsupported`: not an installed build (run from source, an unpacked folder).
 */
export type UpdateMode = 'auto' | 'manual' | 'unsupported';

/** Why a check or a download failed, in the user's terms. */
export type UpdateFailureReason =
  /** No network, or the server could not be reached. */
  | 'offline'
  | 'network'
  /** The feed (latest.yml) could not be read: not YAML, missing version or files. */
  | 'feed'
  /** The release has no feed for this system yet (HTTP 404). */
  | 'not-found'
  /** The downloaded file's sha512 is not the one the feed announced. */
  | 'checksum'
  /** Windows: the installer is not signed by the publisher this app was signed by. */
  | 'signature'
  | 'other';

export type UpdateStatus =
  | { state: 'idle'; mode: UpdateMode }
  | { state: 'checking'; mode: UpdateMode }
  | { state: 'up-to-date'; mode: UpdateMode; version: string; at: number }
  /** A newer version exists; in `auto` mode it is being downloaded. */
  | { state: 'available'; mode: UpdateMode; version: string; at: number; downloadUrl?: string }
  /** Downloaded and verified: installed on quit, or now through "Restart to update". */
  | { state: 'downloaded'; mode: UpdateMode; version: string; at: number }
  | { state: 'failed'; mode: UpdateMode; reason: UpdateFailureReason; at: number }
  | { state: 'unsupported'; mode: UpdateMode };

/** The one line the window shows for the update state. */
export function describeUpdate(status: UpdateStatus, t: Translate): string {
  switch (status.state) {
    case 'idle':
      return t('update.status.idle');
    case 'checking':
      return t('update.status.checking');
    case 'up-to-date':
      return t('update.status.upToDate', { version: status.version });
    case 'available':
      return status.mode === 'auto'
        ? t('update.status.available', { version: status.version })
        : t('update.status.availableManual', { version: status.version });
    case 'downloaded':
      return t('update.status.downloaded', { version: status.version });
    case 'failed':
      return t('update.status.failed', { reason: t(`update.reason.${status.reason}`) });
    case 'unsupported':
      return t('update.status.unsupported');
  }
}
