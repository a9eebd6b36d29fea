/**
 * What the window's web contents may not do: navigate away, open windows, attach webviews,
 * or be granted any permission. The app's page never needs any of these, so every request is
 * denied; https links on the allow-list go to the OS browser instead.
 */
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { openExternalLink } from './external-links.js';

export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url);
    return { action: 'deny' };
  });
}

/** Once per session, at startup: no permission is ever granted, and every answer carries the CSP. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
