// The CLI, packaging and window tests run the built output: build it once per test run. Both
// integration projects name this set-up; they run in the same vitest process, so the second
// finds the mark the first left and does not build over the output the first is using.
import { execFileSync } from 'node:child_process';

const BUILT = 'EIOT_TEST_BUILD_DONE';

export default function setup(): void {
  if (process.env[BUILT] === String(process.pid)) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  process.env[BUILT] = String(process.pid);
}
