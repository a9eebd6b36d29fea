/**
 * Reads an answer body up to a byte limit. Past the limit the stream is destroyed rather
 * than drained, so a hostile or broken server cannot make us hold (or even download) more.
 * Plain 'data' events rather than async iteration: this is on every poll's path, and the
 * iterator costs measurably more per small body.
 */
import type { Readable } from 'node:stream';

/** The text, or null when the body is (or says it will be) larger than maxBytes. */
export function readCapped(
  body: Readable,
  maxBytes: number,
  declaredLength: string | string[] | undefined,
): Promise<string | null> {
  // Destroying undici's body makes it emit an "aborted" error: expected here, so swallowed.
  const stop = (): null => {
    body.on('error', () => undefined);
    body.destroy();
    return null;
  };
  const declared = Number(Array.isArray(declaredLength) ? declaredLength[0] : declaredLength);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve(stop());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        body.removeAllListeners('data');
        resolve(stop());
        return;
      }
      chunks.push(chunk);
    });
    body.once('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    body.once('error', reject);
  });
}
