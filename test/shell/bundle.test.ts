/**
 * The main process and the preload are bundled: only what cannot be bundled is left for the
 * runtime to resolve from app.asar (ESM resolution inside the archive has broken in several
 * Electron majors). Read from esbuild's own account of the bundle and from the bundle's text.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { describe, expect, test } from 'vitest';

/** Each with its reason; scripts/build.mjs keeps the same list. */
const ALLOWED = new Set([
  'electron', // provided by the runtime itself
  'keytar', // native module, unpacked beside the archive
  'electron-updater', // CommonJS with lazy per-platform requires; resolved with require(), not ESM
]);

interface Metafile {
  outputs: Record<string, { imports: Array<{ path: string; kind: string; external?: boolean }> }>;
}

const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

function externalsOf(metafilePath: string): string[] {
  const meta = JSON.parse(readFileSync(metafilePath, 'utf8')) as Metafile;
  const found = new Set<string>();
  for (const output of Object.values(meta.outputs)) {
    for (const entry of output.imports) if (entry.external && !isBuiltin(entry.path)) found.add(packageOf(entry.path)!);
  }
  return [...found].sort();
}

/** Top-level ESM import statements of the bundle text (esbuild writes them one per line). */
function staticImports(bundle: string): string[] {
  return [...bundle.matchAll(/^import\s[^;]*?from\s*"([^"]+)";?$/gm)].map((match) => match[1]!);
}

describe('the main-process bundle', () => {
  test('leaves only electron, keytar and electron-updater unbundled', () => {
    const leftOver = externalsOf('dist/main/index.js.meta.json').filter((name) => !ALLOWED.has(name));
    expect(leftOver).toEqual([]);
  });

  test('has no bare import statement other than the allowed ones', () => {
    const bundle = readFileSync('dist/main/index.js', 'utf8');
    const bare = staticImports(bundle).filter((name) => !isBuiltin(name) && !ALLOWED.has(packageOf(name)!));
    expect(bare).toEqual([]);
    // The check itself sees imports: electron is one.
    expect(staticImports(bundle)).toContain('electron');
  });

  test('the sandboxed preload requires nothing but electron', () => {
    const preload = readFileSync('dist/preload/index.cjs', 'utf8');
    const required = [...preload.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
