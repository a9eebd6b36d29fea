/** Reads the Prometheus text format into `name{labels}` -> value, labels in the order the service writes them. */
export function samples(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    result.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return result;
}

/** The series of one metric name, exactly (eiot_balance does not match eiot_balance_up). */
export function seriesOf(all: Map<string, number>, name: string): Map<string, number> {
  return new Map([...all].filter(([key]) => key === name || key.startsWith(`${name}{`)));
}
