#!/usr/bin/env node
// The command is built from TypeScript by `npm ci` (the prepare script) or `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('eiot-balance: not built yet; run `npm run build` in the project folder.\n');
  process.exit(2);
}
await import(entry.href);
