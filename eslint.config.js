import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import layers from './scripts/lint/layers-plugin.mjs'

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'drizzle/', 'test-results/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { layers },
    rules: {
      // Folders are layers (scripts/lint/layers.mjs): imports go only downward.
      'layers/no-upward-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Layering: the core never reaches into the UI; only the shell files may use Electron.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'The core must not import the renderer.' }] }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only the Electron shell (src/main/index.ts, src/main/electron/) may import electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'The core must not import the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**'], message: 'The renderer talks to the core only through src/shared and the API client.' }] }],
    },
  },
  {
    // Unit tests of the renderer's pure modules: they import the renderer, never the core.
    files: ['tests/renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**'], message: 'Renderer tests import the renderer and src/shared only.' }] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**', 'electron'], message: 'src/shared imports nothing above it.' }] }],
    },
  },
)
