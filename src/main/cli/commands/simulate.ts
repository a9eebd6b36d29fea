/**
 * `eiot-balance simulate`: the endpoint simulator in the foreground, for trying the app or
 * a script against something that behaves like the platform. Its appkey and secret are
 * the simulator's own test data, so unlike a user's secret they may be given as arguments.
 */
import { isAmount } from '../../../shared/money.js';
import {
  isScenarioName,
  SCENARIOS,
  scenarioOptions,
  startSimulator,
  type SimulatorOptions,
} from '../../simulator/index.js';
import { integerOption, parseCommand } from '../args.js';
import { CliError, EXIT } from '../exit.js';
import type { CommandContext } from '../io.js';
import { untilInterrupted } from '../interrupted.js';

export const SIMULATOR_DEFAULTS = { appkey: 'sim-appkey', secret: 'sim-secret' } as const;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  appkey: { type: 'string' },
  secret: { type: 'string' },
  balance: { type: 'string' },
  currency: { type: 'string' },
  scenario: { type: 'string' },
  'clock-skew': { type: 'string' },
} as const;

/** Minutes, either way: "-12" is a server clock 12 minutes behind this computer's. */
function clockSkewMs(t: CommandContext['t'], text: string | undefined): number {
  if (text === undefined) return 0;
  const minutes = /^-?\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(minutes) || Math.abs(minutes) > 10_080) {
    throw new CliError(t('cli.error.number', { option: '--clock-skew', min: -10_080, max: 10_080 }));
  }
  return minutes * 60_000;
}

export async function simulate(context: CommandContext): Promise<number> {
  const { t } = context;
  const scenarios = SCENARIOS.join(', ');
  const { values } = parseCommand(context, OPTIONS, { command: 'simulate', allowSecretFlag: true });
  if (values.help) {
    context.stdout.write(`${t('cli.help.simulate', { scenarios })}\n`);
    return EXIT.ok;
  }
  const port = integerOption(t, '--port', values.port, { min: 0, max: 65_535 }) ?? 0;
  const scenario = values.scenario ?? 'steady';
  if (!isScenarioName(scenario)) throw new CliError(t('cli.error.scenario', { scenario, scenarios }));
  if (values.balance !== undefined && !isAmount(values.balance)) {
    throw new CliError(t('cli.error.amount', { option: '--balance' }));
  }
  const appkey = values.appkey ?? SIMULATOR_DEFAULTS.appkey;
  const secret = values.secret ?? SIMULATOR_DEFAULTS.secret;
  const options: SimulatorOptions = {
    ...scenarioOptions(scenario),
    port,
    host: values.host ?? '127.0.0.1',
    accounts: [{ appkey, secret }],
    clock: context.clock,
    clockSkewMs: clockSkewMs(t, values['clock-skew']),
  };
  if (values.balance !== undefined) options.balance = { start: values.balance };
  if (values.currency !== undefined) options.currency = values.currency.toUpperCase();

  const simulator = await (context.services.startSimulator ?? startSimulator)(options);
  try {
    // A fixed, untranslated line: scripts and tests wait for it to know the port.
    context.stdout.write(`listening ${simulator.port}\n`);
    context.stderr.write(`${t('cli.simulate.ready', { url: simulator.url, appkey, secret })}\n`);
    await untilInterrupted(context.interrupt);
  } finally {
    await simulator.close();
  }
  return EXIT.ok;
}
