/**
 * The security scanner over the sources: any finding not accepted, with its reason, in
 * docs/SECURITY.md fails the run; so does an accepted finding that no longer occurs.
 *
 * The scanner runs offline. Left alone it asks the network twice (a translation file, and
 * GitHub's list of Electron releases) through `got`, whose retries waited about 10 s of a
 * 12 s run where there is no network, and where there is one they made the verdict depend
 * on that day's releases. So its `got` is replaced before it loads by one that fails at
 * once (the scanner then keeps its bundled English text), and the release-notes check,
 * which is only that network lookup, is left out: Electron upgrades are not a finding
 * about this code.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const SCANNER = require.resolve('@doyensec/electronegativity/dist/index.js');

/** Loaded with --require before the scanner: its `got` rejects every request without a lookup. */
const OFFLINE = `
const Module = require('node:module');
const gotPath = require.resolve('got', { paths: [${JSON.stringify(path.dirname(SCANNER))}] });
const offline = () => Promise.reject(new Error('offline: the scanner runs without network in tests'));
const got = Object.assign(offline, { head: offline, get: offline });
const stub = new Module(gotPath);
stub.filename = gotPath;
stub.loaded = true;
stub.exports = got;
require.cache[gotPath] = stub;
`;

interface Finding {
  check: string;
  file: string;
}

const key = (finding: Finding) => `${finding.check} ${finding.file}`;

function acceptedFindings(): Array<Finding & { reason: string }> {
  const doc = readFileSync('docs/SECURITY.md', 'utf8');
  const section = doc.split('### Accepted findings')[1] ?? '';
  return [...section.matchAll(/^\|\s*([A-Z_]+)\s*\|\s*([^|]+?)\s*\|\s*(.*?)\s*\|\s*$/gm)].map((row) => ({
    check: row[1] ?? '',
    file: row[2] ?? '',
    reason: row[3] ?? '',
  }));
}

/**
 * Scanner findings as SARIF. Not CSV: the scanner writes the CSV header and the rows with two
 * racing fs.writeFile calls, so now and then the header overwrites the start of the first
 * row (a CSP sample "broken across lines" in one CI run, a mangled row under load here).
 * SARIF is written in one call.
 */
interface Sarif {
  runs: Array<{
    results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
  }>;
}

function parseFindings(text: string): Finding[] {
  const sarif = JSON.parse(text) as Sarif;
  return sarif.runs.flatMap((run) =>
    run.results.map((result) => ({
      check: result.ruleId,
      file: result.locations[0]?.physicalLocation.artifactLocation.uri ?? '',
    })),
  );
}

test('electronegativity finds nothing beyond what docs/SECURITY.md accepts', async () => {
  const accepted = acceptedFindings();
  expect(accepted.length).toBeGreaterThan(0);
  for (const entry of accepted) expect(entry.reason.length, key(entry)).toBeGreaterThan(20);

  const folder = mkdtempSync(path.join(tmpdir(), 'eiot-eneg-'));
  try {
    const output = path.join(folder, 'findings.sarif');
    const offline = path.join(folder, 'offline.cjs');
    writeFileSync(offline, OFFLINE);
    const args = ['-i', 'src', '-r', '-v', 'false', '-e', '45.5.0', '-o', output];
    await run(process.execPath, ['--require', offline, SCANNER, ...args, '-x', 'AvailableSecurityFixesGlobalCheck'], {
      timeout: 110_000,
    });
    const found = parseFindings(readFileSync(output, 'utf8'));
    const acceptedKeys = new Set(accepted.map(key));
    const foundKeys = new Set(found.map(key));
    expect(
      found.filter((finding) => !acceptedKeys.has(key(finding))),
      'findings not accepted in docs/SECURITY.md',
    ).toEqual([]);
    expect(
      [...acceptedKeys].filter((k) => !foundKeys.has(k)),
      'accepted findings that no longer occur',
    ).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 120_000);
