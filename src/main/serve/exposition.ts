/**
 * The Prometheus text exposition format, version 0.0.4, written by hand: a thousand accounts
 * make a body of some 13,000 series, and a metrics library rebuilding it per scrape (one
 * collect() per gauge) was most of a scrape's time and of the garbage the service made.
 */

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Label values escape backslash, double quote and line feed; nothing else. */
export function escapeLabelValue(value: string): string {
  return /[\\"\n]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : value;
}

/** HELP text escapes backslash and line feed (a double quote is literal there). */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** Go's ParseFloat reads JavaScript's number text, except for the non-finite values. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export type MetricType = 'gauge' | 'counter';

/**
 * One metric family: its HELP and TYPE lines, then its samples, each `name{labels} value`.
 * `labels` is already rendered (`account="A",currency="USD"`), empty for none.
 */
export class FamilyWriter {
  readonly #lines: string[];

  constructor(
    private readonly name: string,
    help: string,
    type: MetricType,
  ) {
    this.#lines = [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`];
  }

  sample(labels: string, value: number): void {
    this.#lines.push(`${this.name}${labels === '' ? '' : `{${labels}}`} ${formatValue(value)}`);
  }

  text(): string {
    return `${this.#lines.join('\n')}\n`;
  }
}
