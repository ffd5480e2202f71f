// A whole sandbox as plain JSON (cluster, files, shell, kubeconfig) and back:
// what the server persists after every command that changed it. A restored
// sandbox behaves exactly as the one snapshotted: same objects, IPs, ports,
// names, random choices and clock offset.
import { Cluster, type ClusterSnapshot, type TimeSource } from '@kubelab/cluster';
import type { KubeconfigState } from '@kubelab/kubectl';
import type { ShellState } from './bash/state';
import { MemoryFileSystem, type FsSnapshot } from './fs/memory-fs';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';

export interface SandboxSnapshot {
  format: 'kubelab.sandbox/v1';
  cluster: ClusterSnapshot;
  files: FsSnapshot;
  shell: ShellState;
  kubeconfig: KubeconfigState;
}

export type RestoreOptions = Omit<
  SandboxOptions,
  'cluster' | 'clusterOptions' | 'files' | 'kubeconfig' | 'shellState'
> & {
  timeSource?: TimeSource;
};

export function snapshotSandbox(sandbox: Sandbox): SandboxSnapshot {
  return {
    format: 'kubelab.sandbox/v1',
    cluster: sandbox.cluster.snapshot(),
    files: sandbox.files.snapshot(),
    shell: sandbox.shell.state(),
    kubeconfig: jsonCopy(sandbox.session.kubeconfig),
  };
}

export class SnapshotFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotFormatError';
  }
}

export function restoreSandbox(snapshot: SandboxSnapshot, options: RestoreOptions = {}): Sandbox {
  if (snapshot.format !== 'kubelab.sandbox/v1') {
    throw new SnapshotFormatError(`unknown sandbox snapshot format ${String(snapshot.format)}`);
  }
  const { timeSource, ...rest } = options;
  const cluster = Cluster.restore(snapshot.cluster, timeSource ? { timeSource } : {});
  return createSandbox({
    ...rest,
    cluster,
    files: MemoryFileSystem.restore(snapshot.files, () => cluster.now()),
    kubeconfig: jsonCopy(snapshot.kubeconfig),
    shellState: snapshot.shell,
  });
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
