/**
 * The window's Content-Security-Policy. The renderer's HTML carries the same string in a
 * meta tag (a test compares them); the response-header hook adds it to anything the session
 * loads, so the policy holds even if the tag were lost.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'";
