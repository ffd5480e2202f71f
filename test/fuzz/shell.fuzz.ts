// Property-based fuzzing of the learner's shell: random command lines and
// random manifests (fast-check) must always end with an exit code, within a
// time bound, without an exception, and leave a sandbox that still answers
// kubectl and snapshots. Run: npm run fuzz [-- <cases> <seed>]
import fc from 'fast-check';
import { createSandbox, StringInput, type Sandbox } from '@kubelab/shell';
import { commandLine, manifest } from '../../libs/shell/src/testing/arbitraries.testing';

const cases = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 1);
const NOW = Date.parse('2026-11-22T10:00:00Z');
/** A fresh sandbox every this many cases keeps quotas and files from filling up. */
const SANDBOX_CASES = 500;

function fresh(): Sandbox {
  return createSandbox({ clusterOptions: { timeSource: () => NOW } });
}

async function healthy(sandbox: Sandbox): Promise<void> {
  const result = await sandbox.shell.run('kubectl get ns default -o name');
  if (result.stdout !== 'namespace/default\n') throw new Error(`sandbox no longer answers: ${JSON.stringify(result)}`);
  JSON.stringify(sandbox.cluster.snapshot());
  JSON.stringify(sandbox.files.snapshot());
  JSON.stringify(sandbox.shell.state());
}

async function main(): Promise<void> {
  let sandbox = fresh();
  let ran = 0;
  let slowest = { ms: 0, input: '' };
  const exitCodes = new Map<number, number>();
  const started = process.hrtime.bigint();
  const input = fc.oneof(
    { weight: 4, arbitrary: commandLine.map((line) => ({ line, stdin: '' })) },
    { weight: 1, arbitrary: manifest.map((stdin) => ({ line: 'kubectl apply -f -', stdin })) },
  );
  await fc.assert(
    fc.asyncProperty(input, async ({ line, stdin }) => {
      if (ran > 0 && ran % SANDBOX_CASES === 0) {
        await healthy(sandbox);
        sandbox = fresh();
      }
      ran++;
      if (process.env.FUZZ_TRACE)
        process.stderr.write(`${ran} ${Math.round(process.memoryUsage().heapUsed / 1e6)}MB ${JSON.stringify(line)}\n`);
      const t0 = process.hrtime.bigint();
      const result = await sandbox.shell.run(line, { stdin: new StringInput(stdin) });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (ms > slowest.ms) slowest = { ms, input: line };
      if (!Number.isInteger(result.exitCode) || result.exitCode < 0 || result.exitCode > 255) {
        throw new Error(`exit code ${result.exitCode} for ${JSON.stringify(line)}`);
      }
      exitCodes.set(result.exitCode, (exitCodes.get(result.exitCode) ?? 0) + 1);
    }),
    { numRuns: cases, seed, endOnFailure: true },
  );
  await healthy(sandbox);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const codes = [...exitCodes]
    .sort(([a], [b]) => a - b)
    .map(([code, count]) => `${code}:${count}`)
    .join(' ');
  console.log(`shell fuzz: ${ran} cases, seed ${seed}, ${seconds.toFixed(1)} s, 0 exceptions`);
  console.log(`exit codes ${codes}`);
  console.log(`slowest case ${slowest.ms.toFixed(1)} ms: ${JSON.stringify(slowest.input)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
