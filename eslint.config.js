// The layer rules of docs/ARCHITECTURE: a wrong import fails `npm test`, not a review.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'http',
  'https',
  'crypto',
  'child_process',
  'net',
  'url',
  'events',
  'stream',
];
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              [...nodeBuiltins, 'electron', 'electron-store', 'keytar', 'undici', 'conf'],
              'src/shared runs anywhere: no Node, Electron or I/O imports.',
            ),
            pattern(['**/main/**', '**/renderer/**'], 'src/shared must not depend on main or renderer.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/cli/**', 'src/main/serve/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['electron', 'electron-store'],
              'The core runs in plain Node: only src/main/shell may import electron.',
            ),
            pattern(
              ['**/shell/**', '**/renderer/**', '**/preload/**'],
              'The core must not depend on the shell or the window.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['electron', 'electron-store'],
              'The core runs in plain Node: only src/main/shell may import electron.',
            ),
            pattern(
              ['**/shell/**', '**/renderer/**', '**/preload/**', '**/cli/**', '**/serve/**', '**/window-api/**'],
              'The core sits under the CLI, serve, the shell and the window: it imports none of them.',
            ),
            pattern(['**/simulator/**'], 'The simulator is a stand-in for the platform: the core never imports it.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              [...nodeBuiltins, 'keytar', 'undici', 'conf', 'electron-store'],
              'The preload is sandboxed: electron and src/shared only.',
            ),
            pattern(
              ['**/core/**', '**/shell/**', '**/cli/**', '**/renderer/**'],
              'The preload may import src/shared only.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              [...nodeBuiltins, 'electron', 'electron-store', 'keytar', 'undici', 'conf'],
              'The window is sandboxed: DOM and src/shared only.',
            ),
            pattern(['**/main/**'], 'The window talks to main only through the preload bridge.'),
          ],
        },
      ],
    },
  },
);
