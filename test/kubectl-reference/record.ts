// Records golden transcripts of the REAL kubectl v1.32 against simulated
// clusters served over HTTP: `npm run record:kubectl [scenario...]`.
// Each scenario builds its cluster from a seed on the wall clock (so the ages
// kubectl computes itself, as in `describe` events, agree with the server's),
// runs its commands one by one, and writes golden/<scenario>.json with what
// kubectl printed and how to rebuild the same cluster for a replay.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from '@kubelab/cluster';
import { kubeconfigFor, startKubeHttpServer } from '../support/kube-http-server';
import { kubectlUnavailableReason, runRealKubectl } from '../support/real-kubectl';
import { splitCommandLine } from './command-line';
import type { GoldenStep, GoldenTranscript } from './golden-format';
import { SCENARIOS, type Scenario } from './scenarios';

const GOLDEN = join(__dirname, 'golden');
/** A fixed port keeps the server URL (`kubectl cluster-info`) the same in every recording. */
const PORT = Number(process.env['KUBELAB_RECORD_PORT'] ?? 16443);

async function kubectlVersion(kubeconfig: string): Promise<string> {
  const run = await runRealKubectl(['version', '--client', '-o', 'json'], { kubeconfig });
  return (JSON.parse(run.stdout) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion;
}

async function record(scenario: Scenario): Promise<GoldenTranscript> {
  const workdir = mkdtempSync(join(tmpdir(), `kubectl-reference-${scenario.name}-`));
  const files = scenario.files ?? {};
  for (const [name, content] of Object.entries(files)) writeFileSync(join(workdir, name), content);
  // The cluster is created at one known instant, then follows the wall clock.
  let frozen: number | undefined = Math.floor(Date.now() / 1000) * 1000;
  const createdAt = frozen;
  const cluster = Cluster.create({ ...scenario.options, seed: scenario.seed, timeSource: () => frozen ?? Date.now() });
  frozen = undefined;
  const server = await startKubeHttpServer(cluster, PORT);
  const kubeconfig = kubeconfigFor(server, join(workdir, 'kubeconfig'));
  const steps: GoldenStep[] = [];
  try {
    for (const step of scenario.steps) {
      if (typeof step !== 'string') {
        const at = cluster.now();
        await new Promise((resolve) => setTimeout(resolve, step.wait));
        cluster.settle();
        steps.push({ waitMs: step.wait, at });
        continue;
      }
      const args = splitCommandLine(step);
      if (args[0] !== 'kubectl') throw new Error(`not a kubectl command: ${step}`);
      const first = server.log.length;
      const at = cluster.now();
      const run = await runRealKubectl(args.slice(1), { kubeconfig, cwd: workdir });
      const requests = server.log.slice(first).map(({ method, path, status, at: served }) => ({
        method,
        path,
        status,
        at: served,
      }));
      steps.push({ command: step, args: args.slice(1), at, ...run, requests });
      process.stdout.write(`  ${run.exitCode === 0 ? 'ok  ' : `exit ${run.exitCode}`} ${step}\n`);
    }
    return {
      format: 'kubelab.kubectl-reference/v1',
      scenario: scenario.name,
      description: scenario.description,
      kubectlVersion: await kubectlVersion(kubeconfig),
      server: server.url,
      seed: scenario.seed,
      options: scenario.options ?? {},
      createdAt,
      files,
      steps,
    };
  } finally {
    await server.close();
    rmSync(workdir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const reason = kubectlUnavailableReason();
  if (reason) {
    process.stderr.write(`skipped: ${reason}\n`);
    return;
  }
  const wanted = process.argv.slice(2);
  const chosen = wanted.length ? SCENARIOS.filter((scenario) => wanted.includes(scenario.name)) : SCENARIOS;
  mkdirSync(GOLDEN, { recursive: true });
  for (const scenario of chosen) {
    process.stdout.write(`${scenario.name}\n`);
    const transcript = await record(scenario);
    writeFileSync(join(GOLDEN, `${scenario.name}.json`), `${JSON.stringify(transcript, null, 2)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
