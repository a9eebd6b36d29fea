/**
 * Opens the project's Releases page in the browser, for installs that are updated by hand.
 * The address comes from the packaged app-update.yml (releasesPage), never from the window;
 * it is checked again here so only a GitHub releases page can ever be opened.
 */
import { shell } from 'electron';

const RELEASES = /^https:\/\/github\.com\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/releases(\/latest)?$/;

export function isReleasesPage(url: string): boolean {
  return RELEASES.test(url);
}

/** true when the page was handed to the OS browser. */
export function openReleasesPage(url: string | null | undefined): boolean {
  if (!url || !isReleasesPage(url)) return false;
  void shell.openExternal(url);
  return true;
}
