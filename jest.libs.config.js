// Domain libraries only, without the database template of the full run:
// `npm run test:libs -- libs/cluster` while working on a library.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/libs/**/*.spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
