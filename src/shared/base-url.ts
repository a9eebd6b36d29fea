/**
 * Which base URLs the app will talk to: https anywhere, plain http only to this machine
 * (a local simulator). Shared so the window can say so inline before main checks again.
 */
export type BaseUrlProblem = 'invalid' | 'scheme' | 'insecure' | 'credentials' | 'query';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/** null when acceptable; otherwise what is wrong with it. */
export function baseUrlProblem(text: string): BaseUrlProblem | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'credentials';
  if (url.search || url.hash) return 'query';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) ? null : 'insecure';
  return 'scheme';
}

/** The base URL without a trailing slash, so paths can be appended. */
export function normaliseBaseUrl(text: string): string {
  return text.trim().replace(/\/+$/, '');
}
