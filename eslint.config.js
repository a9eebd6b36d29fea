// The layer rules of docs/ARCHITECTURE.md: a wrong import or a wrong global fails `npm test`,
// not a review. One block per layer; each file matches exactly one of them, because a later
// block replaces (does not merge) a rule set by an earlier one. test/layers/probes.test.ts
// writes a file breaking each rule and checks that lint or the type-check refuses it.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const node = ['node:*', ...builtinModules.filter((name) => !name.startsWith('_'))];
const electron = ['electron', 'electron/*', 'electron-store', 'electron-updater'];
const mainOnly = ['keytar', 'undici', 'conf', 'proper-lockfile', 'pino', 'electron-log', 'electron-log/*'];

// Why each rule exists; the messages are what a contributor sees.
const WHY = {
  electron: 'Only src/main/shell imports electron: everything else must run (and be tested) in plain Node.',
  keytar: 'Only src/main/core/secrets/keytar.ts imports keytar: one place holds the native keychain binding.',
  coreUp: 'The core sits under the CLI, serve, the shell and the window: it imports none of them.',
  simulator: 'The simulator is a stand-in for the platform: production code never depends on it.',
  sharedPure: 'src/shared runs in main and in the window: no Node, Electron, I/O or main-only packages.',
  sharedDown: 'src/shared sits under everything: it imports neither main nor the renderer.',
  simulatorOwn:
    'The simulator stands beside the core: src/shared and Node only, so it never shares a mistake with the client.',
  windowApi: 'The window-api is the IPC adapter over the core: core and src/shared only, no Electron.',
  frontEnds: 'The CLI and serve are plain-Node front ends: they use the core, never the app or the window.',
  shell: 'The shell is the Electron front end: it does not reach into the CLI, serve or the window code.',
  preload:
    'The sandboxed preload may import electron and src/shared/ipc-names only (types from shared/ipc.ts are fine): ipc.ts would bundle zod into it.',
  sandboxGlobals: 'Sandboxed code has no Node environment: the preload bridge is its only way to main.',
  renderer: 'The window is sandboxed: the DOM and src/shared only; it reaches main through the preload bridge.',
  time: 'Time is injected (Clock/Timers from core/ports.ts): a global clock or timer makes code untestable on fake time.',
  process: 'The environment is injected: read process.env/platform in the front end and pass the value in.',
};

const restrict = (group, message, extra = {}) => ({ group, message, ...extra });

/** Dynamic import() is not seen by no-restricted-imports; keytar is loaded that way. */
const dynamicImport = (packages, message) => ({
  selector: `ImportExpression[source.value=/^(${packages.join('|')})([/]|$)/]`,
  message,
});

const injectedTime = {
  globals: [
    ...['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate', 'clearImmediate'].map((name) => ({
      name,
      message: WHY.time,
    })),
    { name: 'performance', message: WHY.time },
    { name: 'process', message: WHY.process },
  ],
  properties: [
    { object: 'Date', property: 'now', message: WHY.time },
    ...['setTimeout', 'setInterval', 'process', 'performance'].map((property) => ({
      object: 'globalThis',
      property,
      message: WHY.time,
    })),
  ],
  syntax: [
    { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: WHY.time },
    { selector: 'CallExpression[callee.name="Date"]', message: WHY.time },
  ],
};

/**
 * One layer: which imports it refuses (patterns per reason), and whether it must be handed
 * time and environment instead of reading globals.
 */
function layer({ name, files, ignores = [], patterns, dynamic = [], time = false, globals: banned = [] }) {
  const syntax = [...dynamic, ...(time ? injectedTime.syntax : [])];
  const restrictedGlobals = [...banned, ...(time ? injectedTime.globals : [])];
  return {
    name: `layer/${name}`,
    files,
    ignores,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': syntax.length ? ['error', ...syntax] : 'off',
      'no-restricted-globals': restrictedGlobals.length ? ['error', ...restrictedGlobals] : 'off',
      'no-restricted-properties': time ? ['error', ...injectedTime.properties] : 'off',
    },
  };
}

const corePatterns = (withKeytar) => [
  restrict(electron, WHY.electron),
  ...(withKeytar ? [restrict(['keytar'], WHY.keytar)] : []),
  restrict(
    ['**/shell/**', '**/cli/**', '**/serve/**', '**/window-api/**', '**/renderer/**', '**/preload/**'],
    WHY.coreUp,
  ),
  restrict(['**/simulator/**'], WHY.simulator),
];

const layers = [
  layer({
    name: 'shared',
    files: ['src/shared/**/*.ts'],
    patterns: [
      restrict([...node, ...electron, ...mainOnly], WHY.sharedPure),
      restrict(['**/main/**', '**/renderer/**'], WHY.sharedDown),
    ],
    time: true,
  }),
  layer({
    name: 'core',
    files: ['src/main/core/**/*.ts'],
    ignores: ['src/main/core/secrets/keytar.ts'],
    patterns: corePatterns(true),
    dynamic: [dynamicImport(['electron', 'keytar'], `${WHY.electron} ${WHY.keytar}`)],
    time: true,
  }),
  layer({
    name: 'core/keytar',
    files: ['src/main/core/secrets/keytar.ts'],
    patterns: corePatterns(false),
    dynamic: [dynamicImport(['electron'], WHY.electron)],
    time: true,
  }),
  layer({
    name: 'simulator',
    files: ['src/main/simulator/**/*.ts'],
    patterns: [
      restrict([...electron, ...mainOnly, 'zod'], WHY.simulatorOwn),
      restrict(['**/core/**', '**/shell/**', '**/cli/**', '**/serve/**', '**/window-api/**'], WHY.simulatorOwn),
      restrict(['**/renderer/**', '**/preload/**'], WHY.simulatorOwn),
    ],
    dynamic: [dynamicImport(['electron', 'keytar'], WHY.simulatorOwn)],
  }),
  layer({
    name: 'window-api',
    files: ['src/main/window-api/**/*.ts'],
    patterns: [
      restrict(electron, WHY.electron),
      restrict(['keytar'], WHY.keytar),
      restrict(['**/shell/**', '**/cli/**', '**/serve/**', '**/renderer/**', '**/preload/**'], WHY.windowApi),
      restrict(['**/simulator/**'], WHY.simulator),
    ],
    dynamic: [dynamicImport(['electron', 'keytar'], `${WHY.electron} ${WHY.keytar}`)],
  }),
  layer({
    name: 'cli+serve',
    files: ['src/main/cli/**/*.ts', 'src/main/serve/**/*.ts'],
    patterns: [
      restrict(electron, WHY.electron),
      restrict(['keytar'], WHY.keytar),
      restrict(['**/shell/**', '**/renderer/**', '**/preload/**', '**/window-api/**'], WHY.frontEnds),
    ],
    dynamic: [dynamicImport(['electron', 'keytar'], `${WHY.electron} ${WHY.keytar}`)],
  }),
  layer({
    name: 'shell',
    files: ['src/main/shell/**/*.ts'],
    patterns: [
      restrict(['keytar'], WHY.keytar),
      restrict(['**/cli/**', '**/serve/**', '**/renderer/**', '**/preload/**'], WHY.shell),
    ],
    dynamic: [dynamicImport(['keytar'], WHY.keytar)],
  }),
  layer({
    // Any other folder under src/main (the production wiring, say): plain Node, under the front ends.
    name: 'main/other',
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/{core,simulator,window-api,cli,serve,shell,preload}/**'],
    patterns: [
      restrict(electron, WHY.electron),
      restrict(['keytar'], WHY.keytar),
      restrict(['**/shell/**', '**/cli/**', '**/serve/**', '**/renderer/**', '**/preload/**'], WHY.coreUp),
    ],
    dynamic: [dynamicImport(['electron', 'keytar'], `${WHY.electron} ${WHY.keytar}`)],
  }),
  layer({
    name: 'preload',
    files: ['src/main/preload/**/*.ts'],
    patterns: [
      // Everything but electron, files of the preload itself and src/shared/ipc-names.
      {
        regex: '^(?!electron$|\\./|(\\.\\./)+shared/ipc-names\\.js$)',
        message: WHY.preload,
      },
      restrict(['**/shared/ipc.js', '**/shared/ipc'], WHY.preload, { allowTypeImports: true }),
    ],
    dynamic: [{ selector: 'ImportExpression', message: WHY.preload }],
    globals: ['process', 'Buffer', 'require', 'module', 'global', '__dirname', '__filename'].map((name) => ({
      name,
      message: WHY.sandboxGlobals,
    })),
  }),
  layer({
    name: 'renderer',
    files: ['src/renderer/**/*.ts'],
    patterns: [
      restrict([...node, ...electron, ...mainOnly, 'zod'], WHY.renderer),
      restrict(['**/main/**'], WHY.renderer),
    ],
    dynamic: [dynamicImport(['electron', 'keytar'], WHY.renderer)],
    globals: ['process', 'Buffer', 'require', 'global', '__dirname', '__filename'].map((name) => ({
      name,
      message: WHY.sandboxGlobals,
    })),
  }),
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**', '.tsbuild/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits, or passed where a void callback is expected,
    // and a switch that forgets a member of a union. The project service reads each layer's tsconfig.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  ...layers,
);
