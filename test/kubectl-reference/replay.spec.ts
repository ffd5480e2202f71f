// Our kubectl against the real one: each golden transcript was recorded by
// running the real kubectl v1.32 against a simulated cluster over HTTP
// (npm run record:kubectl); here the same cluster is rebuilt, the same
// commands run through @kubelab/kubectl at the same cluster times, and the
// outputs must be identical.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cluster } from '@kubelab/cluster';
import { KubectlHarness } from '../../libs/kubectl/src/testing/kubectl.testing';
import type { GoldenTranscript } from './golden-format';

const goldenDir = join(__dirname, 'golden');

/**
 * The recording ran the cluster on the wall clock, so what its kubelet
 * derived from real elapsed time (container IDs, pull durations) differs from
 * a replay on exact times; everything else must match.
 */
function wallClockFree(output: { stdout: string; stderr: string; exitCode: number }) {
  const mask = (text: string) =>
    text
      .replace(/containerd:\/\/[0-9a-f]{64}/g, 'containerd://<id>')
      .replace(/in [\d.]+m?s \([\d.]+m?s including waiting\)/g, 'in <duration> (<duration> including waiting)');
  return { ...output, stdout: mask(output.stdout), stderr: mask(output.stderr) };
}
const transcripts: GoldenTranscript[] = readdirSync(goldenDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(join(goldenDir, file), 'utf8')) as GoldenTranscript);

describe.each(transcripts.map((transcript) => [transcript.scenario, transcript] as const))(
  'kubectl v1.32 reference: %s',
  (_name, transcript) => {
    let now = transcript.createdAt;
    const cluster = Cluster.create({ ...transcript.options, seed: transcript.seed, timeSource: () => now });
    const kubectl = new KubectlHarness(cluster);
    for (const [path, text] of Object.entries(transcript.files)) kubectl.files.set(path, text);
    const server = kubectl.kubeconfig.clusters[0];
    if (server) server.server = transcript.server;

    const steps = transcript.steps.flatMap((step) => ('command' in step ? [step] : []));
    let previous = 0;
    it.each(steps.map((step) => [step.command, step] as const))('%s', async (_command, step) => {
      // Replay everything (commands and waits) up to this step, in order.
      const index = transcript.steps.indexOf(step);
      for (const earlier of transcript.steps.slice(previous, index)) {
        now = Math.max(now, earlier.at + ('waitMs' in earlier ? earlier.waitMs : 0));
        cluster.settle();
      }
      previous = index + 1;
      // Server-side Tables print ages at the time the server answered.
      now = Math.max(now, step.at, ...step.requests.map((request) => request.at));
      cluster.settle();
      const result = await kubectl.run(step.command, { argv: step.args });
      expect(wallClockFree(result)).toEqual(
        wallClockFree({ stdout: step.stdout, stderr: step.stderr, exitCode: step.exitCode }),
      );
    });
  },
);
