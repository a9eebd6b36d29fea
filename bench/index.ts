/**
 * `npm run bench`: every figure is measured in this run; speed is reported as ratios against
 * a baseline from the same run. The last line is one JSON object with all the figures.
 */
import { benchClient } from './client.js';
import { benchColdStart } from './cold-start.js';
import { benchEngineCpu, benchEngineHeap } from './engine.js';
import { benchHistory } from './history.js';
import { benchServe } from './serve.js';

async function main(): Promise<void> {
  const results: Record<string, number> = {};
  // --only NAME runs one step (e.g. `npm run bench -- --only 'engine heap'`).
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const step = async (name: string, run: () => Promise<Record<string, number>>) => {
    if (only !== undefined && only !== name) return;
    process.stderr.write(`bench: ${name}…\n`);
    const figures = await run();
    Object.assign(results, figures);
    process.stdout.write(`${name}: ${JSON.stringify(figures)}\n`);
  };
  const quick = process.argv.includes('--quick');
  await step('client', async () => ({ ...(await benchClient()) }));
  await step('engine cpu', () => benchEngineCpu(quick ? 100 : 2_000));
  await step('engine heap', () => benchEngineHeap(quick ? 2_000 : 100_000));
  await step('history', () => benchHistory());
  await step('serve', async () => ({ ...(await benchServe(quick ? { seconds: 5 } : {})) }));
  await step('cold start', async () => ({ ...(await benchColdStart(quick ? 3 : 11)) }));
  const optional = await import('./renderer.js').catch(() => null);
  if (optional) await step('renderer', async () => ({ ...(await optional.benchRenderer()) }));
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

await main();
