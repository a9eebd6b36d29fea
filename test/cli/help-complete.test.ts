// Every command, subcommand and option the CLI parses is named in the help it prints, in
// both languages. The options are taken from what each command hands to parseCommand, so a
// new option without a line of help fails here instead of waiting for a user to find it.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as args from '../../src/main/cli/args.js';
import { COMMANDS } from '../../src/main/cli/main.js';
import { runMain } from './in-process.js';
import { tempHome } from '../helpers/temp-home.js';

const seen: args.OptionSpec[] = [];

vi.mock('../../src/main/cli/args.js', async (importOriginal) => {
  const actual = await importOriginal<typeof args>();
  return {
    ...actual,
    parseCommand: (...parameters: Parameters<typeof actual.parseCommand>) => {
      seen.push(parameters[1]);
      return actual.parseCommand(...parameters);
    },
  };
});

const LOCALES = [
  ['en', 'C'],
  ['zh-CN', 'zh_CN.UTF-8'],
] as const;

async function helpOf(argv: string[], lang: string): Promise<{ text: string; options: string[] }> {
  seen.length = 0;
  const result = await runMain([...argv, '--help'], { env: { LANG: lang, EIOT_BALANCE_HOME: tempHome() } });
  expect(result.status, result.stderr).toBe(0);
  return { text: result.stdout, options: seen.flatMap((spec) => Object.keys(spec)) };
}

// The paths the status server routes, read from its source so a new endpoint needs its help line.
const ENDPOINTS = [
  ...readFileSync(new URL('../../src/main/serve/server.ts', import.meta.url), 'utf8').matchAll(/path === '(\/[^']*)'/g),
].map((match) => match[1] as string);

// One file per accounts subcommand (accounts-<name>.ts): a new file is a new subcommand.
const SUBCOMMANDS = readdirSync(new URL('../../src/main/cli/commands/', import.meta.url))
  .map((file) => /^accounts-(.+)\.ts$/.exec(file)?.[1])
  .filter((name): name is string => name !== undefined);

const invocations = [
  ...Object.keys(COMMANDS)
    .filter((name) => name !== 'accounts')
    .map((name) => [name]),
  ...SUBCOMMANDS.map((name) => ['accounts', name]),
];

describe.each(LOCALES)('help lists everything the CLI parses (%s)', (_locale, lang) => {
  it('names every command, version and -V in the main help', async () => {
    const { text } = await helpOf([], lang);
    for (const name of Object.keys(COMMANDS)) expect(text).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(text).toMatch(/^ {2}version\b/m);
    expect(text).toContain('-V');
  });

  it('names every accounts subcommand in the accounts help', async () => {
    const { text } = await helpOf(['accounts'], lang);
    for (const name of SUBCOMMANDS) expect(text).toContain(`eiot-balance accounts ${name}`);
  });

  it.each(invocations.map((argv) => [argv.join(' '), argv] as const))(
    '%s --help names its options',
    async (_, argv) => {
      const { text, options } = await helpOf([...argv], lang);
      const missing = options.filter((option) => !new RegExp(`--${option}(?![\\w-])`).test(text));
      expect(missing).toEqual([]);
    },
  );

  it('serve --help names every endpoint, where secrets come from and how the token is sent', async () => {
    const { text } = await helpOf(['serve'], lang);
    expect(ENDPOINTS).toEqual(expect.arrayContaining(['/metrics', '/api/status', '/healthz']));
    for (const endpoint of ENDPOINTS) expect(text).toContain(endpoint);
    for (const fact of ['EIOT_SECRET_<ID>', '--secrets-file', 'Authorization: Bearer', '--allow-unauthenticated']) {
      expect(text).toContain(fact);
    }
  });
});
