/** The Electron main entry (dist/main/index.js). */
import { runEntry } from './main.js';

void runEntry({ argv: process.argv, cwd: process.cwd() });
