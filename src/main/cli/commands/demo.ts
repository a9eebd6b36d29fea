/**
 * `eiot-balance demo`: the whole product with nothing set up. A simulator with random
 * credentials plays a falling balance with top-ups (the `falling` scenario), and the real
 * engine, with an in-memory keychain and a throw-away data folder, polls it. The engine will
 * not schedule polls closer than 60 s apart, so the demo presses "refresh" on a timer.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemorySecretStore } from '../../core/secrets/memory.js';
import { scenarioOptions } from '../../simulator/index.js';
import { parseCommand } from '../args.js';
import { EXIT } from '../exit.js';
import { buildEngine } from '../engine-setup.js';
import { money } from '../format.js';
import type { CommandContext } from '../io.js';
import { untilInterrupted } from '../interrupted.js';
import { printLive } from '../live-printer.js';

/** Just over the engine's 5 s refresh debounce, so every press polls. */
export const DEMO_TICK_MS = 6_000;
/** The `falling` scenario goes 150.00 down by 9.75 a call: these are crossed every round. */
const LOW = '100.00';
const CRITICAL = '50.00';

export async function demo(context: CommandContext): Promise<number> {
  const { t, locale } = context;
  const { values } = parseCommand(context, {}, { command: 'demo' });
  if (values.help) {
    context.stdout.write(`${t('cli.help.demo')}\n`);
    return EXIT.ok;
  }
  const appkey = `demo-${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(18).toString('base64url');
  const folder = mkdtempSync(path.join(tmpdir(), 'eiot-balance-demo-'));
  const simulator = await context.services.startSimulator({
    ...scenarioOptions('falling'),
    accounts: [{ appkey, secret }],
  });
  const { engine, close } = buildEngine(context, { dataDir: folder, secrets: new MemorySecretStore() });
  const stopPrinting = printLive(context, engine, false);
  let tick: ReturnType<typeof setInterval> | undefined;
  try {
    context.stderr.write(
      `${t('cli.demo.intro', {
        url: simulator.url,
        seconds: DEMO_TICK_MS / 1000,
        low: money(LOW, 'USD', locale),
        critical: money(CRITICAL, 'USD', locale),
      })}\n`,
    );
    await engine.start();
    await engine.addAccount(
      {
        label: t('cli.demo.label'),
        appkey,
        baseUrl: simulator.url,
        pollIntervalSec: 60,
        lowThreshold: LOW,
        criticalThreshold: CRITICAL,
        enabled: true,
      },
      secret,
    );
    // Errors here are failures the engine already reports through its snapshot.
    void engine.refresh().catch(() => undefined);
    tick = setInterval(() => void engine.refresh().catch(() => undefined), DEMO_TICK_MS);
    await untilInterrupted(context.interrupt);
  } finally {
    clearInterval(tick);
    stopPrinting();
    await close();
    await simulator.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return EXIT.ok;
}
