// .github/workflows/ci.yml runs what the README promises on each system (read, not run).
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix: { os?: string[]; node?: number[]; include?: Array<{ os: string }> } };
  steps: Step[];
}
const workflow = yaml.load(readFileSync('.github/workflows/ci.yml', 'utf8')) as { jobs: Record<string, Job> };
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const OSES = ['ubuntu-latest', 'macos-latest', 'windows-latest'];

describe('ci.yml', () => {
  it('runs the unit project on the three systems with Node 22 and 24, and on Node 20 on Linux', () => {
    const unit = workflow.jobs['unit']!;
    expect(unit.strategy?.matrix.os).toEqual(OSES);
    expect(unit.strategy?.matrix.node).toEqual([22, 24]);
    expect(runs(unit)).toContain('npm run test:unit');
    const node20 = workflow.jobs['node20']!;
    expect(node20['runs-on']).toBe('ubuntu-latest');
    expect(node20.steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20);
  });

  it('runs the whole npm test on Linux with the packages .ci/run installs', () => {
    const all = workflow.jobs['everything-linux']!;
    expect(runs(all)).toMatch(/npm test/);
    // The stress counts only run at full size here and in .ci/run.
    expect(runs(all)).toMatch(/npm run test:stress/);
    const ciRun = readFileSync('.ci/run', 'utf8');
    const installed = /apt-get install -y \\\n\s+(.+)/.exec(ciRun)?.[1]?.split(/\s+/) ?? [];
    // chromium comes from the runner image (Google Chrome), see the workflow's comment.
    for (const pkg of installed.filter((name) => name !== 'chromium')) expect(runs(all), pkg).toContain(pkg);
  });

  it('.ci/run runs npm test, then the stress tests at full count', () => {
    const commands = readFileSync('.ci/run', 'utf8')
      .split('\n')
      .filter((line) => /^npm /.test(line));
    expect(commands.slice(-2)).toEqual(['npm test', 'npm run test:stress']);
    expect(scripts['test:stress']).toMatch(/EIOT_STRESS_ROUNDS=full /);
  });

  it('self-tests the packaged --dir build on each system and uploads report and screenshot', () => {
    const job = workflow.jobs['self-test']!;
    expect(job.strategy?.matrix.include?.map((entry) => entry.os)).toEqual(OSES);
    expect(runs(job)).toContain('electron-builder ${{ matrix.pack }}');
    expect(runs(job)).toMatch(/xvfb-run -a release\/linux-unpacked\/eiot-balance --self-test/);
    expect(runs(job)).toMatch(/EIOT Balance" --self-test/);
    expect(runs(job)).toMatch(/EIOT Balance\.exe".*\n.*--self-test/);
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.['path']).toBe('self-test/');
  });

  it('names npm scripts that exist', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const [, script] of runs(job).matchAll(/npm run ([\w:-]+)/g)) {
        expect(scripts, script).toHaveProperty(script!);
      }
    }
  });
});
