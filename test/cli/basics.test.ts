// --version, --help and unknown commands of the built binary.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { childEnv, runCli } from './run-cli.js';

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

describe.concurrent('eiot-balance', () => {
  it('prints the version of package.json', async () => {
    const run = await runCli(['--version']);
    expect(run).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists the commands with --help', async () => {
    const run = await runCli(['--help']);
    expect(run.status).toBe(0);
    for (const command of ['check', 'accounts', 'watch', 'history', 'simulate', 'demo', 'serve']) {
      expect(run.stdout).toContain(command);
    }
  });

  it.each(['check', 'accounts', 'watch', 'history', 'simulate', 'demo', 'serve'])(
    'has --help for %s',
    async (command) => {
      const run = await runCli([command, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage/);
    },
  );

  it('translates help under a zh locale', async () => {
    const run = await runCli(['check', '--help'], { env: childEnv({ LC_ALL: 'zh_CN.UTF-8' }) });
    expect(run.stdout).toMatch(/^用法/);
  });

  it('serve refuses to start without accounts (exit 2)', async () => {
    const run = await runCli(['serve', '--port', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no accounts/);
  });

  it('serve names a bad --port (exit 2)', async () => {
    const run = await runCli(['serve', '--port', 'http']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--port/);
  });

  it('exits 2 naming an unknown command', async () => {
    const run = await runCli(['balance']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown command "balance"/);
  });
});
