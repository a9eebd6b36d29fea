/**
 * The Node flags the shipped service runs with (deploy/Dockerfile, deploy/eiot-balance.service;
 * `npm run bench` measures serve with them). V8 lets the young generation grow to 32 MB
 * under a steady stream of scrapes, though serve's live heap for a thousand accounts is some
 * 25 MB: capped at 4 MB per semi-space, the resident memory of that service drops by about
 * 18 MB and a scrape's p99 did not change measurably. A flag must be given to node itself,
 * before the heap exists, so the service cannot set it from inside.
 */
export const SERVE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
