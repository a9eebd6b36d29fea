// `serve --log-level`: warn keeps failures and alerts and drops the informational lines; a
// level it does not know is refused before anything starts (exit 2), in the user's language.
import { describe, expect, it } from 'vitest';
import { createServeLog } from '../../src/main/serve/log.js';
import { runMain } from '../cli/in-process.js';
import { tempHome } from '../helpers/temp-home.js';

async function eventsAt(level: 'info' | 'warn' | 'error'): Promise<unknown[]> {
  const lines: string[] = [];
  const logger = await createServeLog({ write: (line) => lines.push(line) }, () => [], level);
  logger.info({ event: 'state-change' }, 'A: ok -> low');
  logger.warn({ event: 'poll-failed' }, 'timed out');
  logger.error({ event: 'broken' }, 'broken');
  return lines.map((line) => (JSON.parse(line) as { event: unknown }).event);
}

describe('serve --log-level', () => {
  it('keeps what is at the level or above', async () => {
    expect(await eventsAt('info')).toEqual(['state-change', 'poll-failed', 'broken']);
    expect(await eventsAt('warn')).toEqual(['poll-failed', 'broken']);
    expect(await eventsAt('error')).toEqual(['broken']);
  });

  it.each([
    ['C', '--log-level must be info, warn or error, not "debug"'],
    ['zh_CN.UTF-8', '--log-level 必须是 info、warn 或 error，而不是 "debug"'],
  ])('refuses a level it does not know (LC_ALL=%s)', async (locale, message) => {
    const run = await runMain(['serve', '--port', '0', '--log-level', 'debug'], {
      env: { LC_ALL: locale, EIOT_BALANCE_HOME: tempHome() },
    });
    expect(run.stderr).toContain(message);
    expect(run.status).toBe(2);
  });
});
