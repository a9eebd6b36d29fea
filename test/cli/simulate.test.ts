// `eiot-balance simulate`: a foreground simulator another process can check against.
import { describe, expect, it } from 'vitest';
import { childEnv, exited, runCli, spawnCli, waitForLines } from './run-cli.js';

describe('simulate', () => {
  it('prints "listening <port>", answers signed requests, and exits 0 on SIGINT', async () => {
    const child = spawnCli(
      ['simulate', '--appkey', 'sim-k', '--secret', 'sim-s', '--balance', '42.50', '--currency', 'cny'],
      childEnv(),
    );
    try {
      const [line] = await waitForLines(child, /^listening \d+$/, 1);
      const port = Number(line?.split(' ')[1]);
      const run = await runCli(['check', '--base-url', `http://127.0.0.1:${port}`, '--appkey', 'sim-k', '--json'], {
        env: childEnv({ EIOT_SECRET: 'sim-s' }),
      });
      expect(JSON.parse(run.stdout)).toMatchObject({ currency: 'CNY', balance: '42.50' });
      child.kill('SIGINT');
      expect(await exited(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('plays a named scenario', async () => {
    const child = spawnCli(['simulate', '--scenario', 'auth-fail'], childEnv());
    try {
      const [line] = await waitForLines(child, /^listening \d+$/, 1);
      const run = await runCli(
        ['check', '--base-url', `http://127.0.0.1:${line?.split(' ')[1]}`, '--appkey', 'sim-appkey'],
        {
          env: childEnv({ EIOT_SECRET: 'sim-secret' }),
        },
      );
      expect(run.status).toBe(1);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exits 2 for an unknown scenario, listing the known ones', async () => {
    const run = await runCli(['simulate', '--scenario', 'chaos']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/steady, falling, flaky, auth-fail/);
  });
});
