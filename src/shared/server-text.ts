/**
 * Text that came from a server (the API's `message`) cleaned once, at the client boundary,
 * before anything shows it: a terminal, a notification, the tooltip, the window, a metrics
 * label or a log line. A hostile or broken server could otherwise clear a terminal, retitle
 * it, hide text behind bidirectional overrides, or flood every output with 30 KB.
 */

/* eslint-disable no-control-regex -- finding control characters is this module's purpose */

export const SERVER_TEXT_MAX = 200;

// ESC sequences first (CSI, OSC up to BEL/ST, two-character escapes), then the 8-bit CSI
// and OSC forms, so their parameters go with them rather than being left as visible junk.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
// C0 and C1 controls, DEL, and the invisible bidirectional and line/paragraph separators.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** One line, controls and escape sequences removed, at most `max` characters (with "…"). */
export function cleanServerText(text: string, max = SERVER_TEXT_MAX): string {
  const clean = text.replace(ESCAPES, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

/** A label or other short user text may not hold these at all (see account-rules). */
export function hasControlCharacters(text: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text);
}
