#!/usr/bin/env node
import { runCli } from './cli';

/** The `kubelab` command: `node dist/apps/cli/src/main.js <command> [options]`. */
// Output piped into `head` may close early: stop quietly, as command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  fetch: globalThis.fetch,
  stdin: process.stdin,
  terminal: process.stdout,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kubelab: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
