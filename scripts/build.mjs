// Builds every entry point with esbuild (about a second): the CLI and the Electron main
// process as ESM for Node, the sandboxed preload as CommonJS (Electron requires that), and
// the window as one browser bundle. Runs on `npm ci` (prepare), `npm start` and before tests.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // Dependencies stay in node_modules (keytar is native; electron-builder packs them).
  packages: 'external',
  logLevel: 'warning',
};

const entries = [
  { ...node, entryPoints: ['src/main/cli/index.ts'], outfile: 'dist/cli/index.js' },
  { ...node, entryPoints: ['bench/index.ts'], outfile: 'dist/bench/index.js' },
  { ...node, entryPoints: ['bench/simulator-process.ts'], outfile: 'dist/bench/simulator.js' },
  { ...node, entryPoints: ['src/main/shell/index.ts'], outfile: 'dist/main/index.js', external: ['electron'] },
  {
    ...node,
    entryPoints: ['src/main/preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    format: 'cjs',
    packages: undefined,
    external: ['electron'],
  },
  {
    bundle: true,
    platform: 'browser',
    target: 'chrome130',
    format: 'esm',
    minify: true,
    sourcemap: true,
    entryPoints: ['src/renderer/index.ts'],
    outfile: 'dist/renderer/app.js',
    logLevel: 'warning',
  },
];

// --clean for release-like builds; the test setup skips it so parallel runs never see an empty dist.
if (process.argv.includes('--clean')) rmSync('dist', { recursive: true, force: true });
const missing = entries.filter((entry) => !existsSync(entry.entryPoints[0]));
for (const entry of missing) console.warn(`build: skipping ${entry.entryPoints[0]} (not written yet)`);
await Promise.all(entries.filter((entry) => !missing.includes(entry)).map((entry) => build(entry)));
if (existsSync('src/renderer/static')) {
  mkdirSync('dist/renderer', { recursive: true });
  cpSync('src/renderer/static', 'dist/renderer', { recursive: true });
}
