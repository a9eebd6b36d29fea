// `npm start`: find the Electron binary, build, launch. Where Electron cannot be had (offline,
// no download allowed, a machine it cannot run on) this prints one paragraph naming the cause
// and the command-line demo instead of a download stack trace, and exits 1. Developer-facing
// (it runs before the build, so the i18n catalogs are not available): English only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);

/**
 * @param {string} cause
 * @returns {never}
 */
function explain(cause) {
  const text = [
    // The cause on a line of its own: it varies in length, the rest is wrapped to fit a terminal.
    'EIOT Balance cannot start the desktop app here:',
    `  ${cause}.`,
    'Electron downloads its runtime on first use, which fails offline, behind a proxy, or where',
    'downloads are blocked (set ELECTRON_MIRROR or ELECTRON_CUSTOM_DIR and run npm start again).',
    'Everything else works without it: try `npx eiot-balance demo` for the engine against the',
    'built-in simulator, or `npx eiot-balance --help` for the command line.',
  ].join('\n');
  process.stderr.write(`${text}\n`);
  process.exit(1);
}

/** The last line that says what went wrong, without the stack. */
/** @param {string} output */
function reason(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !/^Downloading Electron/i.test(line));
  const found = lines.find((line) => /error|failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN/i.test(line)) ?? lines.at(-1);
  return found ? found.replace(/^\w*Error:\s*/, '') : 'unknown reason';
}

// Electron's package resolves (and downloads, if missing) its binary on require: in a child,
// so its output and stack can be summarised instead of shown.
const resolved = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  encoding: 'utf8',
  timeout: 180_000,
});
if (resolved.status !== 0 || !resolved.stdout) {
  explain(
    `the Electron runtime is not installed and could not be downloaded (${reason(`${resolved.stdout}\n${resolved.stderr}`)})`,
  );
}
const electron = resolved.stdout;
if (!existsSync(electron)) explain(`the Electron runtime is missing (${electron} does not exist)`);

const built = spawnSync(process.execPath, ['scripts/build.mjs', '--clean'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
child.on('error', (/** @type {NodeJS.ErrnoException} */ error) =>
  explain(`the Electron runtime could not be run (${error.code ?? error.message})`),
);
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
