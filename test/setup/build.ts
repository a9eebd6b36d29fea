// The CLI, packaging and window tests run the built output: build it once per test run. Both
// integration projects name this set-up, and vitest runs each project's set-up (one after the
// other, in its own process) before any test: the second finds the mark the first left and
// spares a second build. Workers and the CLIs they start inherit the mark; nothing reads it.
import { execFileSync } from 'node:child_process';

const BUILT = 'EIOT_TEST_BUILD_DONE';

export default function setup(): void {
  if (process.env[BUILT] === String(process.pid)) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  process.env[BUILT] = String(process.pid);
}
