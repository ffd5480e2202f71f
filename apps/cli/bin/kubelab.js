#!/usr/bin/env node
// `npx kubelab ...`: the built CLI when there is one, else the sources.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '../../../dist/apps/cli/src/main.js');
if (existsSync(built)) {
  require(built);
} else {
  require(join(__dirname, '../../../tools/swc-register.cjs'));
  require('../src/main.ts');
}
