// Objects the unit-test servers start with, and the pod status specs write
// by hand where the kubelet would.
import type { KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { formatTimestamp } from '../runtime/clock';
import type { SeedObject } from './test-server.testing';

/** A Namespace for createTestServer's `objects`. */
export function namespaceSeed(name = 'default'): SeedObject {
  return { ref: RESOURCES.namespaces, object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } };
}

/** The `default` ServiceAccount the ServiceAccount controller would have made in `namespace`. */
export function serviceAccountSeed(namespace = 'default'): SeedObject {
  const object: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } };
  return { ref: RESOURCES.serviceaccounts, object };
}

/** What the kubelet reports once a pod's containers run: Running since `now`, with `ip`, Ready or not. */
export function runningPodStatus(now: number, ip: string, ready = true): Record<string, unknown> {
  const since = formatTimestamp(now);
  return {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: since }],
    podIP: ip,
    podIPs: [{ ip }],
    startTime: since,
  };
}
