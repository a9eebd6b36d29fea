/** The Electron main entry (dist/main/index.js): start the app, report a failed start. */
import { app } from 'electron';
import { startApp } from './app.js';

startApp({ log: (line) => console.log(`[eiot-balance] ${line}`) }).catch((error: unknown) => {
  console.error('EIOT Balance failed to start:', error);
  app.exit(1);
});
