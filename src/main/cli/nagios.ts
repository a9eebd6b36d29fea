/**
 * The Nagios plugin format (also read by Icinga, Zabbix, Sensu, Checkmk):
 * `EIOT BALANCE <STATE> - <summary> | <perfdata>` on one line, exit 0 OK, 1 WARNING,
 * 2 CRITICAL, 3 UNKNOWN. It is a machine interface, so it stays in English like JSON.
 * Perfdata thresholds use the plugin range syntax "X:" (alert when below X).
 */
import type { AccountStatus, Reading } from '../../shared/types.js';

export interface NagiosAccount {
  label: string;
  state: AccountStatus;
  reading: Reading | null;
  failure: string | null;
  low?: string;
  critical?: string;
}

const EXIT = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 } as const;
type NagiosState = keyof typeof EXIT;

function stateOf(account: NagiosAccount): NagiosState {
  if (account.state === 'critical') return 'CRITICAL';
  if (account.state === 'low') return 'WARNING';
  if (account.state === 'ok') return 'OK';
  return 'UNKNOWN';
}

/** CRITICAL over WARNING over UNKNOWN over OK: a known low balance matters more than a hiccup. */
const RANK: readonly NagiosState[] = ['CRITICAL', 'WARNING', 'UNKNOWN', 'OK'];

/** The summary must not contain "|" (it starts the perfdata) nor a line break. */
const plain = (text: string): string => text.replace(/[|\r\n]/g, '/');
/** Perfdata labels are single-quoted; a quote or "=" inside would end them early. */
const perfLabel = (text: string): string => `'${text.replace(/['=]/g, '_')}'`;

export function nagiosReport(accounts: readonly NagiosAccount[]): { line: string; status: number } {
  const states = accounts.map(stateOf);
  const overall = RANK.find((state) => states.includes(state)) ?? 'UNKNOWN';
  const parts = accounts.map((account, index) => {
    const state = states[index] as NagiosState;
    if (account.reading === null || account.failure !== null) {
      return plain(`${account.label} ${state}: ${account.failure ?? 'no reading'}`);
    }
    const money = `${account.reading.currency} ${account.reading.balance}`;
    return plain(state === 'OK' ? `${account.label} ${money}` : `${account.label} ${money} (${state})`);
  });
  const perf = accounts
    .filter((account) => account.reading !== null && account.failure === null)
    .map((account) => {
      const low = account.low === undefined ? '' : `${account.low}:`;
      const critical = account.critical === undefined ? '' : `${account.critical}:`;
      return `${perfLabel(account.label)}=${account.reading?.balance};${low};${critical}`;
    });
  const summary = parts.length > 0 ? parts.join(', ') : 'no accounts';
  const line = `EIOT BALANCE ${overall} - ${summary}${perf.length > 0 ? ` | ${perf.join(' ')}` : ''}`;
  return { line, status: EXIT[overall] };
}
