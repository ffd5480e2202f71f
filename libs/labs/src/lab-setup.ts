// A lab's environment as the sandbox setup the server and the CLI build
// sandboxes from (structurally `SandboxSetup` of @kubelab/shell).
import type { ClusterOptions, KubeObject } from '@kubelab/cluster';
import type { Lab } from './lab';

/**
 * How long a lab's environment runs before the learner arrives (pods pulled,
 * started and ready), and how long a validated solution runs before grading.
 */
export const ENVIRONMENT_SETTLE_MS = 120_000;

export interface LabSandboxSetup {
  cluster: ClusterOptions;
  namespaces: string[];
  objects: KubeObject[];
  files: Record<string, string>;
  history: string[];
  aliases: Record<string, string>;
}

export function labSandboxSetup(lab: Lab): LabSandboxSetup {
  const environment = lab.environment;
  return {
    cluster: {
      nodes: environment.nodes,
      kubeProxyMode: environment.kubeProxyMode,
      loadBalancer: {
        enabled: environment.loadBalancer.enabled,
        addressPool: [...environment.loadBalancer.addressPool],
      },
    },
    namespaces: [...environment.namespaces],
    objects: environment.objects.map((object) => JSON.parse(JSON.stringify(object)) as KubeObject),
    files: { ...environment.files },
    history: [...environment.history],
    aliases: { ...environment.aliases },
  };
}
