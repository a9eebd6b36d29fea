/**
 * Which test files are `integration`: they need more than this process (child processes
 * such as the built CLI or npx tools, Chromium, the OS keychain, packaging, promtool, a
 * TypeScript program per layer). Everything else is `unit`: in-process, on fakes or
 * loopback, fast, and it must pass on macOS, Windows and Linux.
 *
 * Listed by name, not by pattern, so test/layers/test-projects.test.ts can hold every file
 * to it: a new test that starts a process or a browser fails there until it is listed here.
 */
export const INTEGRATION_FILES: readonly string[] = [
  // The built CLI and server as processes.
  'test/cli/accounts.test.ts',
  'test/cli/basics.test.ts',
  'test/cli/check.test.ts',
  'test/cli/clock-skew-http.test.ts',
  'test/cli/clock-skew.test.ts',
  'test/cli/demo.test.ts',
  'test/cli/exact-money.test.ts',
  'test/cli/input-rules.test.ts',
  'test/cli/keychain.test.ts',
  'test/cli/secret-terminal.test.ts',
  'test/cli/shared-folder.test.ts',
  'test/cli/simulate.test.ts',
  'test/cli/stored-accounts.test.ts',
  'test/core/kill-writer.test.ts',
  'test/serve/collision-log.test.ts',
  'test/serve/concurrency.test.ts',
  'test/serve/config-errors.test.ts',
  'test/serve/deploy.test.ts',
  'test/serve/exposure.test.ts',
  'test/serve/json-logs.test.ts',
  'test/serve/metrics-process.test.ts',
  'test/serve/secret-collisions.test.ts',
  'test/serve/sigterm.test.ts',
  'test/shell/start-script.test.ts',
  // The OS keychain (gnome-keyring over D-Bus).
  'test/core/secrets-keychain.test.ts',
  // Packaging and static analysis of the tree.
  'test/packaging/config.test.ts',
  'test/packaging/pack.test.ts',
  'test/shell/electronegativity.test.ts',
  'test/layers/probes.test.ts',
  // The window in real Chromium.
  'test/shell/scheme.test.ts',
  'test/shell/window-ready.test.ts',
  'test/ui/chart-crosshair.test.ts',
  'test/ui/chart-sparse.test.ts',
  'test/ui/detail.test.ts',
  'test/ui/first-run.test.ts',
  'test/ui/form.test.ts',
  'test/ui/glance.test.ts',
  'test/ui/language.test.ts',
  'test/ui/overview.test.ts',
  'test/ui/updates.test.ts',
  'test/ui/views.test.ts',
];

/**
 * The integration files that talk to a private Secret Service from the test process itself.
 * libsecret keeps one D-Bus connection per process, to the bus of the file that first loaded
 * keytar, and each of these files starts (and stops) its own bus: they run in a process of
 * their own (project `integration-keychain`, isolated). The other integration files share
 * their worker processes. Held to every file that imports test/helpers/keychain.ts.
 */
export const KEYCHAIN_FILES: readonly string[] = [
  'test/cli/keychain.test.ts',
  'test/cli/shared-folder.test.ts',
  'test/cli/stored-accounts.test.ts',
  'test/core/secrets-keychain.test.ts',
];
