import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A module is reached by the others only through its index.ts (docs/ARCHITECTURE.md). */
const throughIndexOnly = {
  regex: '^\\.\\./[a-z-]+/(?!index$)[^/]+$',
  message: 'Import another module through its index.ts (add the export there): modules see only each other’s index.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', '.tmp/**', 'src/server/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // A switch with a default is complete; one without must name every member of the union.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Attributes excepted: antd's Popconfirm and Modal await a promise their callbacks return (the
      // OK button shows it loading) although their types say void.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A module is reached by the others only through its index.ts (docs/ARCHITECTURE.md).
    files: ['src/server/modules/*/**/*.ts'],
    ignores: ['src/server/modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [throughIndexOnly] }],
    },
  },
  {
    // The demo writes as any other caller would: through the modules' index.ts, never their insides,
    // their tables or the counters.
    files: ['src/server/demo/**/*.ts'],
    ignores: ['src/server/demo/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./modules/[a-z-]+/(?!index$)[^/]+$',
              message: 'The demo reaches a module only through its index.ts (add the export there).',
            },
            {
              // Rows and their figures are written by the modules' bulk functions, where each figure rule lives once.
              regex: '^\\.\\./(db/schema|platform/figures)(/|$)',
              message: 'The demo writes through the modules’ bulk functions, never tables or counters of its own.',
            },
          ],
        },
      ],
    },
  },
  {
    // The tree is what people stand on: people import units, never the other way round (what the
    // tree needs of its members comes through platform/unit-members.ts).
    files: ['src/server/modules/units/**/*.ts'],
    ignores: ['src/server/modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            throughIndexOnly,
            {
              regex: '^\\.\\./people/',
              message: 'The units module must not import people: take what it needs through platform/unit-members.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The platform is what modules stand on: it never imports one (they are wired in app.ts).
    files: ['src/server/platform/**/*.ts'],
    ignores: ['src/server/platform/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)modules/',
              message: 'The platform must not import a module: take what it needs as a parameter, wired in app.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false }, globals: { console: 'readonly', process: 'readonly' } },
  },
);
