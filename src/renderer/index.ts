/** The window's entry point: find the bridge and start. */
import { resolveLocale, translator } from '../shared/i18n/index.js';
import { getBridge } from './bridge.js';
import { startApp } from './app.js';

const root = document.getElementById('app');
if (root) {
  startApp(root, getBridge()).catch((error: unknown) => {
    // The settings never arrived, so the system language is the best guess.
    console.error('EIOT Balance window failed to start', error);
    root.textContent = translator(resolveLocale('system', navigator.language))('error.internal');
    root.setAttribute('role', 'alert');
  });
}
