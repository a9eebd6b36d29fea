/**
 * Named behaviours for `eiot-balance simulate --scenario` and the demo. A scenario is just a
 * script (balance, faults, latency, currency); tests usually build their own.
 */
import { formatAmount } from '../../shared/money.js';
import type { BalanceScript } from './balance-script.js';
import { REJECTIONS } from './codes.js';
import { FAULTS, type Fault, type FaultScript } from './faults.js';

export interface SimulatorScript {
  balance?: BalanceScript;
  currency?: string;
  /** Added before every answer, real time. */
  latencyMs?: number;
  faults?: FaultScript;
}

export const SCENARIOS = ['steady', 'falling', 'flaky', 'auth-fail'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export function isScenarioName(text: string): text is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(text);
}

/** 150.00 falling by 9.75 a call, topped back up every 14 calls: it crosses 100 and 50 each round. */
function sawtooth(call: number): string {
  const start = 15_000;
  const step = 975;
  return formatAmount({ digits: BigInt(start - ((call - 1) % 14) * step), scale: 2 });
}

/** Mostly fine, with the failures a public API shows now and then. */
function flaky(call: number): Fault | undefined {
  if (call % 11 === 0) return FAULTS.rateLimited(3);
  if (call % 7 === 0) return FAULTS.badGatewayHtml;
  if (call % 5 === 0) return FAULTS.unavailable('2');
  return undefined;
}

export function scenarioOptions(
  name: ScenarioName,
): Required<Omit<SimulatorScript, 'faults'>> & { faults: FaultScript } {
  const base = { currency: 'USD', latencyMs: 0, faults: {} };
  switch (name) {
    case 'steady':
      return { ...base, balance: { start: '1234.56' } };
    case 'falling':
      return { ...base, balance: sawtooth };
    case 'flaky':
      return { ...base, balance: { start: '980.00', fallBy: '0.35' }, faults: flaky };
    case 'auth-fail':
      return { ...base, balance: { start: '1234.56' }, faults: () => ({ kind: 'api', ...REJECTIONS.badSign }) };
  }
}
