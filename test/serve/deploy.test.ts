/**
 * The shipped Prometheus files: promtool checks and unit-tests the alert rules where it is
 * installed (Debian package `prometheus`); everywhere, the rules must name only metrics the
 * service really exports, and parse as rule groups.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/main/serve/metrics.js';
import { SERVE_NODE_FLAGS } from '../../src/main/serve/node-flags.js';
import { FakeEngine, account } from './fake-engine.js';

const promtool = spawnSync('promtool', ['--version']).status === 0;
// In CI a missing promtool is a failure (.ci/run installs it), not a skip.
const runPromtool = promtool || process.env.CI === 'true';
const rulesText = readFileSync('deploy/alerts.yml', 'utf8');

async function exportedNames(): Promise<Set<string>> {
  const reading = { currency: 'USD', balance: '1.00', minorUnits: 100, fetchedAt: Date.now() };
  const engine = new FakeEngine([
    account({
      id: 'a',
      lowThreshold: '2.00',
      criticalThreshold: '1.00',
      lastReading: reading,
      forecast: { spendPerDay: 0.01, daysUntilEmpty: 100, daysUntilLow: null },
    }),
  ]);
  const metrics = createMetrics(engine, { now: () => 0 }, 'v');
  const text = metrics.current().text.toString('utf8');
  metrics.close();
  return new Set([...text.matchAll(/^# TYPE (\S+)/gm)].map((match) => match[1] ?? ''));
}

describe('deploy/alerts.yml', () => {
  it.runIf(runPromtool)(
    `passes promtool check rules and its unit tests${runPromtool ? '' : ' (skipped: promtool is not installed; apt-get install prometheus)'}`,
    () => {
      execFileSync('promtool', ['check', 'rules', 'deploy/alerts.yml'], { stdio: 'pipe' });
      execFileSync('promtool', ['test', 'rules', 'alerts.test.yml'], { cwd: 'deploy', stdio: 'pipe' });
      execFileSync('promtool', ['check', 'config', 'prometheus.yml'], { cwd: 'deploy', stdio: 'pipe' });
    },
  );

  it('uses only metrics the service exports', async () => {
    const exported = await exportedNames();
    const used = new Set(rulesText.match(/\beiot_balance[a-z_]*/g));
    expect(used.size).toBeGreaterThan(4);
    for (const name of used) expect(exported, name).toContain(name);
  });

  it('parses as rule groups, each alert with a severity and a summary', async () => {
    const document = yaml.load(rulesText) as { groups: Array<{ name: string; rules: Array<Record<string, unknown>> }> };
    const alerts = document.groups.flatMap((group) => group.rules);
    expect(alerts.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining(['EiotBalanceLow', 'EiotBalanceRunningOut', 'EiotBalanceNoRecentSuccess']),
    );
    for (const rule of alerts) {
      expect(typeof rule.expr).toBe('string');
      expect(rule.labels).toMatchObject({ severity: expect.stringMatching(/^(warning|critical)$/) });
      expect(rule.annotations).toMatchObject({ summary: expect.any(String) });
    }
  });
});

describe('node flags of the shipped service', () => {
  it('are the ones the bench measures, in the Dockerfile and the systemd unit', () => {
    const flags = SERVE_NODE_FLAGS.join(' ');
    const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(readFileSync('deploy/Dockerfile', 'utf8'))?.[1] ?? '[]';
    expect(JSON.parse(entrypoint)).toEqual(['node', ...SERVE_NODE_FLAGS, 'bin/eiot-balance.js']);
    const unit = readFileSync('deploy/eiot-balance.service', 'utf8');
    expect(/^ExecStart=(.*)$/m.exec(unit)?.[1]).toContain(
      `/usr/bin/node ${flags} /opt/eiot-balance/bin/eiot-balance.js serve`,
    );
  });
});

describe('README docker run line', () => {
  it('mounts the token file where the Dockerfile tells serve to read it', () => {
    const dockerfile = readFileSync('deploy/Dockerfile', 'utf8');
    const tokenPath = /"--token-file", "([^"]+)"/.exec(dockerfile)?.[1];
    expect(tokenPath).toBeDefined();
    const readme = readFileSync('README.md', 'utf8');
    const run = /docker run [^`]*?eiot-balance\s*(?:#.*)?$/m.exec(readme.replace(/\\\n\s*/g, ' '))?.[0] ?? '';
    expect(run).toContain('docker run');
    expect(run).toMatch(new RegExp(`-v "?[^\\s:]+:${tokenPath}(:ro)?"?\\s`));
  });
});
