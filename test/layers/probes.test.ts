/**
 * Rule probes: for each layer rule of docs/ARCHITECTURE.md, a file that breaks it must be
 * refused by the linter or the type-checker, naming the rule; a clean file in the same place
 * must pass (so these tests can fail).
 *
 * The probes are virtual: ESLint lints the text as if it were at the probe's path with the
 * real eslint.config.js, and the compiler checks it as a root file of the real tsconfig of
 * that layer. Nothing is written into the tree, so nothing is left behind if a test dies and
 * no other run (an editor, a parallel `npm run lint`) ever sees a probe. Only the type-aware
 * rules are switched off for lint probes: they need every file on disk and test nothing here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROBE = '__layer_probe__.ts';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parserOptions: { projectService: false, project: null } },
        rules: {
          '@typescript-eslint/no-floating-promises': 'off',
          '@typescript-eslint/no-misused-promises': 'off',
          '@typescript-eslint/switch-exhaustiveness-check': 'off',
        },
      },
    ],
  });
});

async function lint(folder: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, folder, PROBE) });
  if (!result) throw new Error('ESLint returned no result');
  return result.messages;
}

/** What a refusal looks like: the rule's id and words from the message that explains it. */
type Refusal = { rule: string; says: string };

function describeMessages(messages: Linter.LintMessage[]): string[] {
  return messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const SYNTAX = 'no-restricted-syntax';
const GLOBALS = 'no-restricted-globals';
const PROPERTIES = 'no-restricted-properties';

describe('lint refuses a file that breaks a layer rule', () => {
  const probes: Array<[string, string, string, Refusal]> = [
    // [what, folder, code, expected refusal]
    [
      'core imports cli/',
      'src/main/core',
      "export * from '../cli/main.js';",
      { rule: IMPORTS, says: 'core sits under' },
    ],
    [
      'core imports serve/',
      'src/main/core',
      "import { runServe } from '../serve/index.js';\nexport const x = runServe;",
      { rule: IMPORTS, says: 'core sits under' },
    ],
    [
      'core imports shell/',
      'src/main/core/history',
      "import { startApp } from '../../shell/app.js';\nexport const x = startApp;",
      { rule: IMPORTS, says: 'core sits under' },
    ],
    [
      'core imports window-api/',
      'src/main/core',
      "export * from '../window-api/handlers.js';",
      { rule: IMPORTS, says: 'core sits under' },
    ],
    [
      'core imports the simulator',
      'src/main/core/client',
      "export * from '../../simulator/index.js';",
      { rule: IMPORTS, says: 'stand-in for the platform' },
    ],
    [
      'keytar imported elsewhere in core',
      'src/main/core/secrets',
      "import keytar from 'keytar';\nexport const x = keytar;",
      { rule: IMPORTS, says: 'secrets/keytar.ts' },
    ],
    [
      'keytar loaded with import() elsewhere in core',
      'src/main/core/settings',
      "export const load = () => import('keytar');",
      { rule: SYNTAX, says: 'secrets/keytar.ts' },
    ],
    [
      'keytar imported by the CLI',
      'src/main/cli',
      "import keytar from 'keytar';\nexport const x = keytar;",
      { rule: IMPORTS, says: 'secrets/keytar.ts' },
    ],
    [
      'setTimeout in core',
      'src/main/core',
      'export const t = setTimeout(() => undefined, 1);',
      { rule: GLOBALS, says: 'Time is injected' },
    ],
    [
      'Date.now in core',
      'src/main/core',
      'export const t = Date.now();',
      { rule: PROPERTIES, says: 'Time is injected' },
    ],
    ['new Date() in core', 'src/main/core', 'export const t = new Date();', { rule: SYNTAX, says: 'Time is injected' }],
    [
      'process in core',
      'src/main/core',
      'export const home = process.env.HOME;',
      { rule: GLOBALS, says: 'environment is injected' },
    ],
    [
      'process in shared',
      'src/shared',
      "export const home = process.env['HOME'];",
      { rule: GLOBALS, says: 'environment is injected' },
    ],
    [
      'setTimeout in shared',
      'src/shared/i18n',
      'export const t = setTimeout(() => undefined, 1);',
      { rule: GLOBALS, says: 'Time is injected' },
    ],
    [
      'Date.now in shared',
      'src/shared',
      'export const t = Date.now();',
      { rule: PROPERTIES, says: 'Time is injected' },
    ],
    [
      'shared imports Node',
      'src/shared',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      { rule: IMPORTS, says: 'src/shared runs in main and in the window' },
    ],
    [
      'shared imports main',
      'src/shared',
      "export * from '../main/core/status.js';",
      { rule: IMPORTS, says: 'sits under everything' },
    ],
    [
      'the preload imports shared/ipc.ts',
      'src/main/preload',
      "import { CHANNELS } from '../../shared/ipc.js';\nexport const x = CHANNELS;",
      { rule: IMPORTS, says: 'shared/ipc-names only' },
    ],
    [
      'the preload imports zod',
      'src/main/preload',
      "import { z } from 'zod';\nexport const x = z;",
      { rule: IMPORTS, says: 'shared/ipc-names only' },
    ],
    [
      'the preload imports Node',
      'src/main/preload',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      { rule: IMPORTS, says: 'shared/ipc-names only' },
    ],
    [
      'the preload reads process',
      'src/main/preload',
      'export const x = process.env;',
      { rule: GLOBALS, says: 'no Node environment' },
    ],
    [
      'the shell imports the CLI',
      'src/main/shell',
      "export * from '../cli/main.js';",
      { rule: IMPORTS, says: 'shell is the Electron front end' },
    ],
    [
      'the shell imports serve',
      'src/main/shell',
      "export * from '../serve/index.js';",
      { rule: IMPORTS, says: 'shell is the Electron front end' },
    ],
    [
      'the shell imports window code',
      'src/main/shell',
      "export * from '../../renderer/app.js';",
      { rule: IMPORTS, says: 'shell is the Electron front end' },
    ],
    [
      'the shell imports keytar',
      'src/main/shell',
      "import keytar from 'keytar';\nexport const x = keytar;",
      { rule: IMPORTS, says: 'secrets/keytar.ts' },
    ],
    ...(
      [
        'src/shared',
        'src/main/core',
        'src/main/simulator',
        'src/main/window-api',
        'src/main/cli',
        'src/main/serve',
        'src/main/wiring',
        'src/renderer',
      ] as const
    ).map((folder): [string, string, string, Refusal] => [
      `electron imported in ${folder}`,
      folder,
      "import { app } from 'electron';\nexport const x = app;",
      { rule: IMPORTS, says: folder === 'src/renderer' ? 'window is sandboxed' : 'electron' },
    ]),
    [
      'electron loaded with import() in core',
      'src/main/core',
      "export const load = () => import('electron');",
      { rule: SYNTAX, says: 'Only src/main/shell imports electron' },
    ],
    [
      'electron-store in the CLI',
      'src/main/cli',
      "import Store from 'electron-store';\nexport const x = Store;",
      { rule: IMPORTS, says: 'Only src/main/shell imports electron' },
    ],
    [
      'the renderer imports main',
      'src/renderer/views',
      "export * from '../../main/core/status.js';",
      { rule: IMPORTS, says: 'window is sandboxed' },
    ],
    [
      'the renderer imports Node',
      'src/renderer',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      { rule: IMPORTS, says: 'window is sandboxed' },
    ],
    [
      'the renderer imports zod',
      'src/renderer',
      "import { z } from 'zod';\nexport const x = z;",
      { rule: IMPORTS, says: 'window is sandboxed' },
    ],
    ['process in the renderer', 'src/renderer', 'export const x = process.env;', { rule: GLOBALS, says: 'no Node' }],
    [
      'Buffer in the renderer',
      'src/renderer',
      "export const x = Buffer.from('a');",
      { rule: GLOBALS, says: 'no Node' },
    ],
    [
      'the simulator imports the core client',
      'src/main/simulator',
      "export * from '../core/client/protocol.js';",
      { rule: IMPORTS, says: 'simulator stands beside the core' },
    ],
    [
      'window-api imports electron',
      'src/main/window-api',
      "import { ipcMain } from 'electron';\nexport const x = ipcMain;",
      { rule: IMPORTS, says: 'electron' },
    ],
    [
      'window-api imports the shell',
      'src/main/window-api',
      "export * from '../shell/ipc.js';",
      { rule: IMPORTS, says: 'IPC adapter' },
    ],
    [
      'serve imports the shell',
      'src/main/serve',
      "export * from '../shell/app.js';",
      { rule: IMPORTS, says: 'plain-Node front ends' },
    ],
  ];

  it.each(probes)('%s (%s)', async (_what, folder, code, refusal) => {
    const messages = await lint(folder, code);
    const refusals = messages.filter((m) => m.ruleId === refusal.rule && m.message.includes(refusal.says));
    expect(refusals, describeMessages(messages).join('\n')).not.toHaveLength(0);
  });
});

describe('lint accepts what each layer may do', () => {
  const clean: Array<[string, string, string]> = [
    ['shared: plain code and zod', 'src/shared', "import { z } from 'zod';\nexport const s = z.string();"],
    [
      'core: Node, shared and its own ports',
      'src/main/core',
      "import { readFile } from 'node:fs/promises';\nimport type { Clock } from './ports.js';\nimport { parseDecimal } from '../../shared/money.js';\nexport const f = (clock: Clock) => [readFile, parseDecimal, clock.now()];",
    ],
    ['core: keytar in secrets/keytar.ts', 'src/main/core/secrets', "export const load = () => import('keytar');"],
    [
      'simulator: Node and shared',
      'src/main/simulator',
      "import { createServer } from 'node:http';\nimport { formatDecimal } from '../../shared/money.js';\nexport const x = [createServer, formatDecimal];",
    ],
    [
      'window-api: core and shared',
      'src/main/window-api',
      "import type { EngineApi } from '../core/engine-api.js';\nimport { CHANNELS } from '../../shared/ipc.js';\nexport const x = (e: EngineApi) => [e, CHANNELS];",
    ],
    [
      'cli: core, serve and the simulator',
      'src/main/cli',
      "import { runServe } from '../serve/index.js';\nimport { startSimulator } from '../simulator/index.js';\nexport const x = [runServe, startSimulator];",
    ],
    [
      'shell: electron, core and window-api',
      'src/main/shell',
      "import { app } from 'electron';\nimport { createIpcHandlers } from '../window-api/handlers.js';\nexport const x = [app, createIpcHandlers, setTimeout, process.platform];",
    ],
    [
      'preload: electron, ipc-names and types from ipc.ts',
      'src/main/preload',
      "import { contextBridge } from 'electron';\nimport type { Bridge } from '../../shared/ipc.js';\nimport { BRIDGE_KEY } from '../../shared/ipc-names.js';\nimport { createBridge } from './bridge.js';\nexport const x = (b: Bridge) => [contextBridge, BRIDGE_KEY, createBridge, b];",
    ],
    [
      'renderer: the DOM and shared',
      'src/renderer',
      "import { formatDecimal } from '../shared/money.js';\nexport const x = () => [document.title, window.setTimeout, formatDecimal];",
    ],
  ];

  it.each(clean)('%s', async (what, folder, code) => {
    // keytar.ts is the one file allowed keytar: lint the text as that file.
    const filePath = what.includes('keytar.ts') ? path.join(ROOT, folder, 'keytar.ts') : undefined;
    const [result] = filePath ? await eslint.lintText(code, { filePath }) : [{ messages: await lint(folder, code) }];
    expect(describeMessages(result?.messages ?? [])).toEqual([]);
  });
});

/**
 * The type-checker's half: each layer's tsconfig gives it only the globals it may use.
 * Probes are root files of a program built from the layer's own parsed tsconfig.
 */
const parsedFiles = new Map<string, ts.SourceFile>();

function typeErrors(tsconfig: string, folder: string, code: string, probeName = PROBE): string[] {
  const configPath = path.join(ROOT, tsconfig);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  // The probe is a lone root file: composite's file-list checks and emit do not apply.
  const options: ts.CompilerOptions = { ...parsed.options, composite: false, noEmit: true };
  delete options.configFilePath;
  delete options.emitDeclarationOnly;
  delete options.declaration;
  const probePath = path.join(ROOT, folder, probeName);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (path.resolve(fileName) === probePath) return ts.createSourceFile(fileName, code, languageVersion, true);
    // Library and @types files parse the same for every probe: parse them once (as tsserver does).
    const key = `${fileName}|${JSON.stringify(languageVersion)}`;
    const cached = parsedFiles.get(key) ?? getSourceFile(fileName, languageVersion, ...rest);
    if (cached) parsedFiles.set(key, cached);
    return cached;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => path.resolve(fileName) === probePath || fileExists(fileName);
  // The layer's own ambient declarations (src/shared/web-globals.d.ts) belong to its globals.
  const ambient = parsed.fileNames.filter((file) => file.endsWith('.d.ts'));
  const program = ts.createProgram({ rootNames: [...ambient, probePath], options, host });
  const probe = program.getSourceFile(probePath);
  if (!probe) throw new Error('the probe is not in the program');
  return [...program.getSyntacticDiagnostics(probe), ...program.getSemanticDiagnostics(probe)].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
}

/** The names the compiler says it cannot find. */
const unknownNames = (errors: string[]) =>
  errors.flatMap((e) => /Cannot find name '([^']+)'/.exec(e)?.[1] ?? []).sort();

describe('the type-checker refuses a global the layer may not use', () => {
  const probes: Array<[string, string, string, string, string[]]> = [
    // [what, tsconfig, folder, code, names it must not know]
    [
      'document and window in core',
      'src/main/tsconfig.json',
      'src/main/core',
      'export const x = [document.title, window.name];',
      ['document', 'window'],
    ],
    [
      'process and Buffer in the renderer',
      'src/renderer/tsconfig.json',
      'src/renderer',
      "export const x = [process.env, Buffer.from('a')];",
      ['Buffer', 'process'],
    ],
    [
      'process and setTimeout in shared',
      'src/shared/tsconfig.json',
      'src/shared',
      'export const x = [process.env, setTimeout(() => undefined, 1)];',
      ['process', 'setTimeout'],
    ],
    ['the DOM in shared', 'src/shared/tsconfig.json', 'src/shared', 'export const x = document.title;', ['document']],
  ];

  it.each(probes)('%s', (_what, tsconfig, folder, code, names) => {
    const errors = typeErrors(tsconfig, folder, code);
    expect(unknownNames(errors), errors.join('\n')).toEqual(names);
  });

  const clean: Array<[string, string, string, string]> = [
    [
      'core: Node globals',
      'src/main/tsconfig.json',
      'src/main/core',
      "export const x = [process.env, Buffer.from('a'), setTimeout];",
    ],
    [
      'renderer: the DOM',
      'src/renderer/tsconfig.json',
      'src/renderer',
      'export const x = [document.title, window.setTimeout, new URL("https://example.com")];',
    ],
    [
      'shared: the language and URL',
      'src/shared/tsconfig.json',
      'src/shared',
      'export const x = [new URL("https://example.com").hostname, Date.UTC(2026, 0, 1), new Intl.NumberFormat("en")];',
    ],
  ];

  it.each(clean)('accepts %s', (_what, tsconfig, folder, code) => {
    expect(typeErrors(tsconfig, folder, code)).toEqual([]);
  });
});

describe('the type-checker checks the build scripts too', () => {
  // scripts/*.mjs run before any build, so they stay JavaScript; checkJs holds them to types.
  const SCRIPT = '__layer_probe__.mjs';

  it('refuses a wrong esbuild option in a script', () => {
    const errors = typeErrors(
      'scripts/tsconfig.json',
      'scripts',
      "import { build } from 'esbuild';\nawait build({ entryPoints: ['a.ts'], format: 'amd' });\n",
      SCRIPT,
    );
    expect(errors.join('\n')).toMatch(/'"amd"' is not assignable/);
  });

  it('refuses an untyped parameter in a script', () => {
    const errors = typeErrors(
      'scripts/tsconfig.json',
      'scripts',
      'export function twice(n) { return n * 2; }\n',
      SCRIPT,
    );
    expect(errors.join('\n')).toMatch(/Parameter 'n' implicitly has an 'any' type/);
  });

  it('accepts a typed script', () => {
    const code =
      '/** @param {number} n */\nexport function twice(n) { return n * 2; }\nexport const x = process.argv;\n';
    expect(typeErrors('scripts/tsconfig.json', 'scripts', code, SCRIPT)).toEqual([]);
  });
});
