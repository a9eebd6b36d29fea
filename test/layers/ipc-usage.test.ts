/**
 * Every channel and event of the window's bridge is used by the window. A channel nobody
 * calls is still a door into main that the preload opens and main must guard; the contract
 * lists only what the window needs (the tray drives the engine directly).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bridgeEvents, bridgeMethods } from '../../src/shared/ipc-names.js';

const RENDERER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/renderer');

const windowCode = readdirSync(RENDERER, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
  .join('\n');

/** Called as a method: `bridge.name(`, `getBridge().name(` and the like. */
const calls = (name: string) => new RegExp(`\\.${name}\\(`).test(windowCode);

describe('the bridge carries only what the window uses', () => {
  it.each(Object.keys(bridgeMethods))('the window calls %s', (name) => {
    expect(calls(name)).toBe(true);
  });

  it.each(Object.keys(bridgeEvents))('the window listens with %s', (name) => {
    expect(calls(name)).toBe(true);
  });

  it('would notice a name the window never calls', () => {
    expect(calls('noSuchChannel')).toBe(false);
  });
});
