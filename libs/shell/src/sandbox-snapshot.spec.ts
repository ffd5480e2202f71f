import { SimulatedClock } from '@kubelab/cluster';
import { createSandbox } from './sandbox';
import { createSandboxFromSetup, SandboxSetupError } from './sandbox-setup';
import { restoreSandbox, snapshotSandbox, SnapshotFormatError, type SandboxSnapshot } from './sandbox-snapshot';

const START = Date.parse('2026-11-22T08:00:00Z');

async function output(sandbox: ReturnType<typeof createSandbox>, line: string): Promise<string> {
  const result = await sandbox.shell.run(line);
  return result.stdout + result.stderr;
}

describe('snapshotSandbox / restoreSandbox', () => {
  it('gives a sandbox that continues exactly as the original would', async () => {
    const time = SimulatedClock.manual(START);
    const original = createSandbox({ clusterOptions: { seed: 'snap', timeSource: time.source } });
    for (const line of [
      'kubectl create deployment web --image=nginx --replicas=2',
      'kubectl expose deployment web --port=80 --type=NodePort',
      'export GREETING=hello; alias kg="kubectl get"; cd /tmp',
      'echo "apiVersion: v1" > /root/pod.yaml',
      'kubectl config set-context --current --namespace=kube-system',
      'sleep 20',
    ]) {
      await original.shell.run(line);
    }
    const snapshot = JSON.parse(JSON.stringify(snapshotSandbox(original))) as SandboxSnapshot;
    const restored = restoreSandbox(snapshot, { timeSource: time.source });

    const next = [
      'kubectl run extra --image=redis -n default',
      'kubectl expose pod extra --port=6379 -n default',
      'sleep 5',
      'kg pods,svc -n default -o wide',
      'echo $GREETING $PWD; cat /root/pod.yaml; history | tail -3',
      'kubectl config view --minify -o jsonpath="{..namespace}"',
    ];
    for (const line of next) {
      expect(await output(restored, line)).toBe(await output(original, line));
    }
    expect(await output(restored, 'kubectl get svc -n default')).toContain('extra');
  });

  it('refuses a snapshot of another format', () => {
    const snapshot = {
      ...snapshotSandbox(createSandbox()),
      format: 'kubelab.sandbox/v0',
    } as unknown as SandboxSnapshot;
    expect(() => restoreSandbox(snapshot)).toThrow(SnapshotFormatError);
  });
});

describe('createSandboxFromSetup', () => {
  it('creates namespaces, objects, files, history and aliases', async () => {
    const sandbox = createSandboxFromSetup({
      cluster: { seed: 'setup', nodes: 3 },
      namespaces: ['shop'],
      objects: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'redis', namespace: 'shop', labels: { app: 'redis' } },
          spec: { containers: [{ name: 'redis', image: 'redis', ports: [{ containerPort: 6379 }] }] },
        },
      ],
      files: { 'manifests/svc.yaml': 'kind: Service\n' },
      history: ['kubectl get pods -n shop'],
      aliases: { kgp: 'kubectl get pods' },
    });
    expect(await output(sandbox, 'kubectl get nodes -o name')).toBe('node/controlplane\nnode/node01\nnode/node02\n');
    expect(await output(sandbox, 'kgp -n shop -o name')).toBe('pod/redis\n');
    expect(await output(sandbox, 'cat manifests/svc.yaml')).toBe('kind: Service\n');
    expect(await output(sandbox, 'history | head -2')).toBe(
      '    1  kubectl get pods -n shop\n    2  kubectl get nodes -o name\n',
    );
  });

  it('says which object the cluster refused', () => {
    expect(() =>
      createSandboxFromSetup({ objects: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'bad' } }] }),
    ).toThrow(new SandboxSetupError('Service/bad: Service "bad" is invalid: spec.ports: Required value'));
    expect(() =>
      createSandboxFromSetup({ objects: [{ apiVersion: 'v9', kind: 'Gadget', metadata: { name: 'g' } }] }),
    ).toThrow('Gadget/g: no matches for kind "Gadget" in version "v9"');
  });
});
