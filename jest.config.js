// One jest run for the whole workspace: unit tests beside the code
// (apps/*/src, libs/*/src) and end-to-end tests in test/.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // ESM-only dependencies: Node 20 loads them with require(esm), jest cannot,
  // so they are compiled to CommonJS like our own code.
  // Domain libraries by their public name, as in tsconfig.base.json's paths.
  moduleNameMapper: { '^@kubelab/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts' },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
};
