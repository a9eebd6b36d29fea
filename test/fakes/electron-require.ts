/**
 * electron-updater is CommonJS and reaches Electron with `require("electron")`, which
 * vi.mock('electron') does not intercept (it rewrites ES imports only). This puts the same
 * typed fake into Node's require cache under the path `require("electron")` resolves to, so
 * the library's own code gets the fake too. Undone by the returned function.
 */
import { createRequire, Module } from 'node:module';
import { electronModule } from './electron.js';

export function provideElectronToRequire(): () => void {
  const require = createRequire(import.meta.url);
  const resolved = require.resolve('electron');
  const previous = require.cache[resolved];
  const fake = new Module(resolved);
  fake.filename = resolved;
  fake.loaded = true;
  fake.exports = electronModule;
  require.cache[resolved] = fake;
  return () => {
    if (previous) require.cache[resolved] = previous;
    else delete require.cache[resolved];
  };
}
