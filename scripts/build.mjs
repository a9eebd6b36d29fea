// Builds every entry point with esbuild (about a second): the CLI and the Electron main
// process as ESM for Node, the sandboxed preload as CommonJS (Electron requires that), and
// the window as one browser bundle. Runs on `npm ci` (prepare), `npm start` and before tests.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * What the main-process bundle may leave for the runtime to resolve (test/shell/bundle.test.ts
 * holds it to this list): Electron itself; keytar, a native module that cannot be bundled and
 * is unpacked beside the archive; electron-updater, CommonJS that loads its per-platform
 * updaters lazily and reads its own package files, kept in node_modules where it resolves
 * through require() (not ESM) from the asar.
 */
const MAIN_EXTERNALS = ['electron', 'keytar', 'electron-updater'];

/** The CLI leaves every dependency to node_modules but undici (see the CLI entry below). */
const CLI_EXTERNALS = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {})
  .filter((name) => name !== 'undici')
  .concat(['keytar']);

/** @satisfies {import('esbuild').BuildOptions} */
const node = {
  bundle: true,
  platform: /** @type {const} */ ('node'),
  target: 'node20',
  format: /** @type {const} */ ('esm'),
  sourcemap: true,
  // Dependencies stay in node_modules (keytar is native; electron-builder packs them).
  packages: /** @type {'external' | undefined} */ ('external'),
  logLevel: /** @type {const} */ ('warning'),
};

/** @type {(import('esbuild').BuildOptions & { entryPoints: string[] })[]} */
const entries = [
  {
    ...node,
    entryPoints: ['src/main/cli/index.ts'],
    // One bundle split at the CLI's dynamic imports: each command's modules are a chunk of
    // their own, loaded only when that command runs (the cold start of a one-shot `check`).
    outdir: 'dist/cli',
    splitting: true,
    // undici is bundled in (into the chunk of the commands that make requests): resolving and
    // reading its hundred-odd files from node_modules was most of a one-shot check's start-up.
    packages: undefined,
    external: CLI_EXTERNALS,
    // undici is CommonJS: its require() of Node's built-ins needs a real require in ESM.
    banner: {
      js: "import { createRequire as __eiotCreateRequire } from 'node:module'; const require = __eiotCreateRequire(import.meta.url);",
    },
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
  },
  { ...node, entryPoints: ['bench/index.ts'], outfile: 'dist/bench/index.js' },
  { ...node, entryPoints: ['bench/simulator-process.ts'], outfile: 'dist/bench/simulator.js' },
  {
    ...node,
    entryPoints: ['src/main/shell/index.ts'],
    outfile: 'dist/main/index.js',
    // Everything is bundled: ESM resolution from inside app.asar has broken in several
    // Electron majors, so the main process resolves nothing at run time but what it must.
    packages: undefined,
    external: [...MAIN_EXTERNALS],
    // What the bundle left external, for test/shell/bundle.test.ts (not packed).
    metafile: true,
    // Bundled CommonJS dependencies (electron-log, conf's helpers) call require().
    banner: {
      js: "import { createRequire as __eiotCreateRequire } from 'node:module'; const require = __eiotCreateRequire(import.meta.url);",
    },
  },
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
const missing = entries.filter((entry) => !existsSync(entry.entryPoints[0] ?? ''));
for (const entry of missing) console.warn(`build: skipping ${entry.entryPoints[0]} (not written yet)`);
const present = entries.filter((entry) => !missing.includes(entry));
const results = await Promise.all(present.map((entry) => build(entry)));
present.forEach((entry, index) => {
  const metafile = results[index]?.metafile;
  if (metafile) writeFileSync(`${entry.outfile ?? `${entry.outdir}/index.js`}.meta.json`, JSON.stringify(metafile));
});
if (existsSync('src/renderer/static')) {
  mkdirSync('dist/renderer', { recursive: true });
  cpSync('src/renderer/static', 'dist/renderer', { recursive: true });
}
