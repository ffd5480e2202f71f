// No input may crash the shell or corrupt the sandbox: random command lines
// and manifests always end with an exit code, and the cluster still answers
// and snapshots afterwards. (`npm run fuzz` runs 100,000 cases.)
import fc from 'fast-check';
import { createSandbox } from '../sandbox';
import { StringInput } from '../runtime/streams';
import { commandLine, manifest } from '../testing/arbitraries.testing';

const NOW = Date.parse('2026-11-22T10:00:00Z');

describe('robustness', () => {
  it('random command lines end with an exit code and leave a working sandbox', async () => {
    const { shell, cluster } = createSandbox({ clusterOptions: { timeSource: () => NOW } });
    await fc.assert(
      fc.asyncProperty(commandLine, async (line) => {
        const result = await shell.run(line);
        expect(Number.isInteger(result.exitCode)).toBe(true);
        expect(result.exitCode).toBeGreaterThanOrEqual(0);
        expect(result.exitCode).toBeLessThan(256);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect((await shell.run('kubectl get ns default -o name')).stdout).toBe('namespace/default\n');
    expect(() => JSON.stringify(cluster.snapshot())).not.toThrow();
  });

  it('random manifests are rejected or accepted, never thrown', async () => {
    const { shell } = createSandbox({ clusterOptions: { timeSource: () => NOW } });
    await fc.assert(
      fc.asyncProperty(manifest, async (text) => {
        const result = await shell.run('kubectl apply -f -', { stdin: new StringInput(text) });
        expect([0, 1]).toContain(result.exitCode);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
