/**
 * Every package the code or the tests import is declared in package.json. An undeclared one
 * works only while something else happens to install it, and breaks a fresh `npm ci` the day
 * that something drops it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['src', 'test', 'bench', 'scripts', 'bin'];
const FILES = ['eslint.config.js', 'vitest.config.ts'];
const SOURCE = /\.(?:ts|mts|js|mjs|cjs)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** 'a/b/c' -> 'a', '@s/p/x' -> '@s/p'. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The packages a file imports, statically or with import()/require(); code in strings does not count. */
function importedPackages(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
    .map(packageOf)
    .filter((name) => !builtinModules.includes(name));
}

describe('declared dependencies', () => {
  it('finds the package in every form of import', () => {
    const text = [
      "import { a } from 'alpha/sub/path.js';",
      "export * from '@scope/beta';",
      "const k = await import('gamma');",
      "import 'delta';",
      "import { readFile } from 'node:fs';",
      "import path from 'path';",
      "import { x } from './local.js';",
      'const probe = "import k from \'keytar\'";',
    ].join('\n');
    expect(importedPackages(text)).toEqual(['alpha', '@scope/beta', 'gamma', 'delta']);
  });

  it('declares every package imported by the code, tests, benchmarks and scripts', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<
      'dependencies' | 'devDependencies' | 'optionalDependencies',
      Record<string, string> | undefined
    >;
    const declared = new Set(
      [manifest.dependencies, manifest.devDependencies, manifest.optionalDependencies].flatMap((deps) =>
        Object.keys(deps ?? {}),
      ),
    );
    const files = [...FOLDERS.flatMap(sourceFiles), ...FILES.map((file) => path.join(ROOT, file))];
    const undeclared = files.flatMap((file) =>
      importedPackages(readFileSync(file, 'utf8'))
        .filter((name) => !declared.has(name))
        .map((name) => `${path.relative(ROOT, file)}: ${name}`),
    );
    expect(undeclared).toEqual([]);
  });
});
