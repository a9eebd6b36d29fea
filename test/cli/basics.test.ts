// What only the built binary shows: the version of the package.json beside dist/, and that
// main's status becomes the process's exit status. Help and usage errors are tested
// in-process (help.test.ts): the same code, without a Node start-up per case.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

describe.concurrent('eiot-balance', () => {
  it('prints the version of package.json', async () => {
    const run = await runCli(['--version']);
    expect(run).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists the commands with --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('check');
  });

  it('exits 2 naming an unknown command', async () => {
    const run = await runCli(['balance']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown command "balance"/);
  });
});
