/**
 * `eiot-balance demo`: the whole product with nothing set up: the one demo set-up
 * (wiring/demo.ts, the same as the app's --demo) polled by the real engine. The engine will
 * not schedule polls closer than 60 s apart, so the demo presses "refresh" on a timer.
 */
import { startSimulator } from '../../simulator/index.js';
import { DEMO_CRITICAL, DEMO_LOW, demoCallsUntil, startDemo } from '../../wiring/demo.js';
import { parseCommand } from '../args.js';
import { EXIT } from '../exit.js';
import { buildEngine } from '../engine-setup.js';
import { money } from '../format.js';
import type { CommandContext } from '../io.js';
import { untilInterrupted } from '../interrupted.js';
import { printLive } from '../live-printer.js';

/** Just over the engine's 5 s refresh debounce, so every press polls. */
export const DEMO_TICK_MS = 6_000;

/** When the demo's balance first reaches the threshold: the first request at once, then one per tick. */
const secondsUntil = (threshold: string): number => ((demoCallsUntil(threshold) ?? 1) - 1) * (DEMO_TICK_MS / 1000);

export async function demo(context: CommandContext): Promise<number> {
  const { t, locale } = context;
  const { values } = parseCommand(context, {}, { command: 'demo' });
  if (values.help) {
    context.stdout.write(`${t('cli.help.demo')}\n`);
    return EXIT.ok;
  }
  const setup = await startDemo((options) => (context.services.startSimulator ?? startSimulator)(options));
  const { engine, close } = buildEngine(context, { dataDir: setup.dataDir, secrets: setup.secrets });
  const stopPrinting = printLive(context, engine, false);
  let tick: ReturnType<typeof setInterval> | undefined;
  try {
    context.stderr.write(
      `${t('cli.demo.intro', {
        url: setup.simulator.url,
        seconds: DEMO_TICK_MS / 1000,
        lowSeconds: secondsUntil(DEMO_LOW),
        criticalSeconds: secondsUntil(DEMO_CRITICAL),
        low: money(DEMO_LOW, 'USD', locale),
        critical: money(DEMO_CRITICAL, 'USD', locale),
      })}\n`,
    );
    await engine.start();
    await setup.addAccount(engine, t('cli.demo.label'));
    // Errors here are failures the engine already reports through its snapshot.
    void engine.refresh().catch(() => undefined);
    tick = setInterval(() => void engine.refresh().catch(() => undefined), DEMO_TICK_MS);
    await untilInterrupted(context.interrupt);
  } finally {
    clearInterval(tick);
    stopPrinting();
    await close();
    await setup.close();
  }
  return EXIT.ok;
}
