/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
const DAY_MS = 86_400_000;

/** The wait the server asked for in ms, capped at a day; undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, nowMs: number): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, DAY_MS);
  // Every HTTP-date form starts with a day name; Date.parse alone would take "-5" as a date.
  if (!/^[A-Za-z]{3,9},? /.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - nowMs), DAY_MS);
}
