// Lint for the whole workspace: type-checked TypeScript rules, Prettier for
// formatting, and Nx module boundaries that keep dependencies pointing one
// way: apps -> lms, grader, labs, kubectl, shell -> cluster (see
// ../shared/ARCHITECTURE.md). Domain libraries may not reach frameworks or I/O.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Packages a pure domain library must never import. */
const frameworkAndIo = [
  '@nestjs/*',
  '@prisma/*',
  'prisma',
  'pg',
  '@electric-sql/*',
  'fastify',
  '@fastify/*',
  'socket.io',
  'socket.io-client',
  'react',
  'react-dom',
  'pino',
];
const nodeBuiltins = ['fs', 'fs/promises', 'net', 'http', 'https', 'child_process', 'os', 'path', 'worker_threads'];

/** Dependencies point one way; domain code (not its specs) may not import frameworks or I/O. */
function moduleBoundaries({ pureDomain }) {
  return {
    allow: [],
    enforceBuildableLibDependency: false,
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:app'] },
      {
        sourceTag: 'scope:lms',
        onlyDependOnLibsWithTags: ['scope:grader', 'scope:labs', 'scope:kubectl', 'scope:shell', 'scope:cluster'],
      },
      { sourceTag: 'scope:grader', onlyDependOnLibsWithTags: ['scope:labs', 'scope:cluster'] },
      { sourceTag: 'scope:labs', onlyDependOnLibsWithTags: ['scope:cluster'] },
      { sourceTag: 'scope:kubectl', onlyDependOnLibsWithTags: ['scope:cluster'] },
      { sourceTag: 'scope:shell', onlyDependOnLibsWithTags: ['scope:kubectl', 'scope:cluster'] },
      { sourceTag: 'scope:cluster', onlyDependOnLibsWithTags: [] },
      {
        sourceTag: 'type:domain',
        bannedExternalImports: pureDomain
          ? [...frameworkAndIo, ...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)]
          : frameworkAndIo,
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', '.nx/**', 'data/**', 'apps/api/src/generated/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['prisma.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ pureDomain: true })],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Domain libraries are pure: no I/O, no frameworks (their tsconfig also
    // leaves out Node's and the DOM's types).
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'Domain libraries do no I/O: inject what you need instead.' },
            {
              regex: `^(${nodeBuiltins.join('|')})(/.*)?$`,
              message: 'Domain libraries do no I/O: inject what you need instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Specs of domain libraries may read their recorded fixtures from disk.
    files: ['libs/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ pureDomain: false })],
    },
  },
  {
    // End-to-end tests and benchmarks drive the apps in-process (createServer),
    // so they import app sources directly; the boundaries are for apps and libraries.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      parserOptions: { projectService: false },
      globals: {
        process: 'readonly',
        console: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
    // CommonJS config files and require hooks load modules with require().
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
