/**
 * The unit project stays fast and portable only if every test that starts a process, a
 * browser or the keychain is listed as integration (test/projects.ts). Found by imports,
 * followed through the test helpers: a file that reaches child_process or playwright-core
 * needs more than this process.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { INTEGRATION_FILES, KEYCHAIN_FILES } from '../projects.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUTSIDE_THIS_PROCESS = new Set(['node:child_process', 'child_process', 'playwright-core']);

const testSources = readdirSync(path.join(ROOT, 'test'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));

/** What a file imports at run time: `import type` is erased and starts nothing. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8').replace(/^import type .*$/gm, '');
  return ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName);
}

/** The test file or helper under test/ an import names, or null (a package, src/, ...). */
function helperOf(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
  return target.startsWith('test/') && existsSync(path.join(ROOT, target)) ? target : null;
}

const memo = new Map<string, string | null>();
/** Why the file needs more than this process (the chain of imports), or null. */
function reason(file: string, seen = new Set<string>()): string | null {
  if (memo.has(file)) return memo.get(file) ?? null;
  if (seen.has(file)) return null;
  seen.add(file);
  let found: string | null = null;
  for (const specifier of importsOf(file)) {
    if (OUTSIDE_THIS_PROCESS.has(specifier)) found = `${file} imports ${specifier}`;
    const helper = helperOf(file, specifier);
    const via = helper ? reason(helper, seen) : null;
    if (via) found = `${file} -> ${via}`;
    if (found) break;
  }
  memo.set(file, found);
  return found;
}

/** Whether the file imports `helper`, itself or through other test helpers. */
function reachesHelper(file: string, helper: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  return importsOf(file)
    .map((specifier) => helperOf(file, specifier))
    .some((next) => next === helper || (next !== null && reachesHelper(next, helper, seen)));
}

describe('test projects', () => {
  it('lists every test that starts a process or a browser as integration', () => {
    const listed = new Set(INTEGRATION_FILES);
    const misplaced = testSources
      .filter((file) => file.endsWith('.test.ts') && !listed.has(file))
      .map((file) => reason(file))
      .filter((why): why is string => why !== null);
    expect(misplaced).toEqual([]);
  });

  it('lists only test files that exist', () => {
    expect(INTEGRATION_FILES.filter((file) => !testSources.includes(file))).toEqual([]);
  });

  it('gives every file that starts a private keychain a process of its own', () => {
    const usesKeychain = testSources.filter(
      (file) => file.endsWith('.test.ts') && reachesHelper(file, 'test/helpers/keychain.ts'),
    );
    expect([...KEYCHAIN_FILES].sort()).toEqual(usesKeychain.sort());
    expect(KEYCHAIN_FILES.filter((file) => !INTEGRATION_FILES.includes(file))).toEqual([]);
  });

  it('notices a test that reaches the keychain helper, directly or through another helper', () => {
    expect(reachesHelper('test/cli/stored-accounts.test.ts', 'test/helpers/keychain.ts')).toBe(true);
    // Through the UI harness a test reaches the simulator helper, never the keychain.
    expect(reachesHelper('test/ui/overview.test.ts', 'test/helpers/simulator.ts')).toBe(true);
    expect(reachesHelper('test/ui/overview.test.ts', 'test/helpers/keychain.ts')).toBe(false);
  });

  it('notices a test that reaches a browser through a helper', () => {
    memo.clear();
    // The UI harness starts Chromium; a UI test imports only the harness.
    expect(reason('test/ui/overview.test.ts')).toMatch(/harness.*playwright-core/);
    // A type-only import of the process helper starts nothing.
    expect(reason('test/cli/help.test.ts')).toBeNull();
    expect(reason('test/core/history-merge.test.ts')).toBeNull();
  });
});
