/**
 * The version is package.json's, read at run time. The built command lives at
 * dist/cli/index.js and the sources at src/main/cli/, so walk up to the first package.json
 * that is ours instead of hard-coding a depth that holds for only one of them.
 */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

function readOurs(url: URL): string | null {
  try {
    const parsed = JSON.parse(readFileSync(url, 'utf8')) as { name?: unknown; version?: unknown };
    return parsed.name === 'eiot-balance' && typeof parsed.version === 'string' ? parsed.version : null;
  } catch {
    return null;
  }
}

export function packageVersion(): string {
  if (cached !== undefined) return cached;
  for (let depth = 1; depth <= 4; depth += 1) {
    const found = readOurs(new URL(`${'../'.repeat(depth)}package.json`, import.meta.url));
    if (found) return (cached = found);
  }
  return (cached = '0.0.0');
}
