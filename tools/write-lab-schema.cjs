// Writes docs/lab.schema.json from libs/labs (the lab format's JSON Schema).
// Run: npm run labs:schema   (a test fails when the file is out of date)
require('./swc-register.cjs');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { LAB_JSON_SCHEMA } = require('../libs/labs/src/lab-schema.ts');

writeFileSync(join(__dirname, '..', 'docs', 'lab.schema.json'), `${JSON.stringify(LAB_JSON_SCHEMA, null, 2)}\n`);
