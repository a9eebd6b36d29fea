/**
 * Which kind of installation is running, and so how it may be updated. Pure: the shell
 * gathers the facts (install-facts.ts), tests pass them in.
 */
import type { UpdateMode } from '../../../shared/update-status.js';

export interface InstallFacts {
  platform: NodeJS.Platform;
  /** false when run from source (`npm start`) or an unpacked folder. */
  isPackaged: boolean;
  /** Linux: the AppImage runtime sets APPIMAGE to the file's path. */
  appImage: string | undefined;
  /** Linux: electron-builder's resources/package-type ("deb", "rpm", "pacman"), or null. */
  packageType: string | null;
  /** macOS: the release was built with a signing identity (set by the release workflow). */
  macSigned: boolean;
}

export type InstallKind = 'nsis' | 'mac' | 'appimage' | 'deb' | 'none';

export interface Installation {
  kind: InstallKind;
  mode: UpdateMode;
}

export function installation(facts: InstallFacts): Installation {
  if (!facts.isPackaged) return { kind: 'none', mode: 'unsupported' };
  switch (facts.platform) {
    case 'win32':
      // The NSIS installer is the only Windows target (electron-builder.yml).
      return { kind: 'nsis', mode: 'auto' };
    case 'darwin':
      // Squirrel.Mac refuses to install into an app without a valid signature.
      return { kind: 'mac', mode: facts.macSigned ? 'auto' : 'manual' };
    case 'linux':
      if (facts.appImage) return { kind: 'appimage', mode: 'auto' };
      // A package manager's install: replacing it would need root, so the user does it.
      if (facts.packageType) return { kind: 'deb', mode: 'manual' };
      return { kind: 'none', mode: 'unsupported' };
    default:
      return { kind: 'none', mode: 'unsupported' };
  }
}

/**
 * The Releases page of the GitHub repository named in the packaged app-update.yml, which
 * electron-builder writes from the `publish` configuration; null for any other provider.
 */
export function releasesPage(appUpdateYml: string): string | null {
  const value = (key: string) => new RegExp(`^${key}:\\s*['"]?([^'"\\s]+)['"]?\\s*$`, 'm').exec(appUpdateYml)?.[1];
  if (value('provider') !== 'github') return null;
  const host = value('host');
  if (host && host !== 'github.com') return null;
  const owner = value('owner');
  const repo = value('repo');
  const name = /^[A-Za-z0-9_.-]+$/;
  if (!owner || !repo || !name.test(owner) || !name.test(repo)) return null;
  return `https://github.com/${owner}/${repo}/releases/latest`;
}
