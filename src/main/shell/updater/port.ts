/**
 * The app's updater as the policy sees it: ask the feed, download, install. The one
 * implementation wraps electron-updater (electron-updater.ts); tests pass a fake. Nothing here
 * knows about Electron.
 */
import type { UpdateChannel } from '../../../shared/types.js';
import type { UpdateFailureReason, UpdateMode } from '../../../shared/update-status.js';

export interface CheckResult {
  /** The feed names a newer version than the running one (never an older one). */
  available: boolean;
  /** The feed's version. */
  version: string;
}

export interface Updater {
  readonly mode: UpdateMode;
  /** The running version. */
  readonly currentVersion: string;
  /** Where the user downloads a release by hand (the Releases page), when known. */
  readonly downloadPage: string | null;
  /** Reads the channel's feed; never downloads. Throws UpdateFailure. */
  check(channel: UpdateChannel): Promise<CheckResult>;
  /** Downloads what the last check found and verifies it. Throws UpdateFailure. */
  download(): Promise<void>;
  /** Quits the app and installs the downloaded version. */
  installNow(): void;
}

/** A failed check or download, with the reason the user is told. */
export class UpdateFailure extends Error {
  override readonly name = 'UpdateFailure';
  constructor(
    readonly reason: UpdateFailureReason,
    message: string,
  ) {
    super(message);
  }
}

/** What the policy needs to know about the machine. */
export interface PowerState {
  onBattery(): boolean;
  online(): boolean;
}
