/**
 * The facts installation() decides on, read from the running app: Electron's isPackaged, the
 * AppImage runtime's APPIMAGE variable, electron-builder's resources/package-type marker of a
 * .deb, and the `macSigned` flag the release workflow writes into the packaged package.json
 * when it signs (an unsigned Mac build cannot update itself). Also the Releases page from the
 * packaged app-update.yml.
 */
import { app } from 'electron';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { releasesPage, type InstallFacts } from './install-kind.js';

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function readInstallFacts(env: Readonly<Record<string, string | undefined>>): InstallFacts {
  const resources = app.isPackaged ? process.resourcesPath : null;
  let macSigned = false;
  try {
    const pkg = JSON.parse(readText(path.join(app.getAppPath(), 'package.json')) ?? '{}') as { macSigned?: unknown };
    macSigned = pkg.macSigned === true || pkg.macSigned === 'true';
  } catch {
    macSigned = false;
  }
  return {
    platform: process.platform,
    isPackaged: app.isPackaged,
    appImage: env.APPIMAGE,
    packageType: resources ? (readText(path.join(resources, 'package-type'))?.trim() ?? null) || null : null,
    macSigned,
  };
}

export function readDownloadPage(): string | null {
  if (!app.isPackaged) return null;
  const yml = readText(path.join(process.resourcesPath, 'app-update.yml'));
  return yml ? releasesPage(yml) : null;
}
