/**
 * The window's own origin: a privileged custom scheme (standard and secure, like https)
 * served from the built renderer folder. Unlike file://, `'self'` in the CSP then means the
 * app's files only, the CSP travels as a real response header, and the
 * grantFileProtocolExtraPrivileges fuse can be turned off.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp.js';

export const APP_SCHEME = 'eiot-balance';
export const APP_HOST = 'app';
/** What the window loads, and the only page the IPC sender check accepts. */
export const PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Whether `url` (as Chromium reports a frame's URL) is the app's page. A standard scheme
 * is canonicalised like https (lower-case host, "/" for an empty path); query and fragment
 * are the page's own business.
 */
export function isAppPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    !parsed.username &&
    !parsed.password &&
    parsed.pathname === '/index.html'
  );
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}

/** The protocol.handle handler: files under `root`, nothing outside it, every answer with the CSP. */
export function serveAppFiles(root: string): (request: Request) => Promise<Response> {
  const base = path.resolve(root);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.host.toLowerCase() !== APP_HOST || request.method !== 'GET') return notFound();
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    const file = path.resolve(base, `.${relative === '/' ? '/index.html' : relative}`);
    if (!file.startsWith(base + path.sep)) return notFound();
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    if (!type) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  };
}
