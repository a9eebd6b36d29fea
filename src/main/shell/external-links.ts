/**
 * Links that may leave the app: https only, to the platform's own sites. Anything else the
 * window asks to open is dropped, so a compromised renderer cannot launch arbitrary URLs or
 * local programs through the OS.
 */
import { shell } from 'electron';

export const EXTERNAL_HOSTS: readonly string[] = ['eiotclub.com', 'www.eiotclub.com', 'oapi.eiotclub.com'];

export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' && !parsed.username && !parsed.password && EXTERNAL_HOSTS.includes(parsed.hostname)
  );
}

/** true when the link was handed to the OS browser. */
export function openExternalLink(url: string): boolean {
  if (!isAllowedExternal(url)) return false;
  void shell.openExternal(url);
  return true;
}
