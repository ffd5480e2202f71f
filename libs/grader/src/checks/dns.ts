import type { Cluster } from '@kubelab/cluster';
import type { DnsCheck } from '@kubelab/labs';
import { hasLabels, isReady, listObjects, listPods, resolveKind } from '../objects';
import { connectionSource } from './connection';
import { type CheckContext, type CheckOutcome, failed, PASSED } from './context';

const withoutDot = (name: string) => name.replace(/\.$/, '');

function serviceOf(cluster: Cluster, name: string, namespace: string) {
  const kind = resolveKind(cluster, 'Service');
  const services = kind ? listObjects(cluster, kind, { namespace }) : [];
  return ('error' in services ? [] : services).find((service) => service.metadata.name === name);
}

export function checkDns(check: DnsCheck, context: CheckContext): CheckOutcome {
  const source = connectionSource(context, check.from);
  if (typeof source === 'string') return failed(source);
  if (source.kind !== 'pod') return failed('DNS checks run from a pod');
  const network = context.network();
  const result = network.network.resolve({
    fromPod: { namespace: source.namespace, name: source.name },
    name: check.name,
    type: 'A',
  });
  const addresses = result.answers
    .filter((record) => record.type === 'A')
    .map((record) => record.data)
    .sort();
  const cnames = result.answers.filter((record) => record.type === 'CNAME').map((record) => withoutDot(record.data));
  const got =
    result.status !== 'NOERROR'
      ? result.status
      : [...cnames.map((name) => `CNAME ${name}`), ...addresses].join(', ') || 'no address';
  const fail = (expected: string) => failed(`${check.name} resolves to ${got}, expected ${expected}`);
  if (check.nxdomain) return result.status === 'NXDOMAIN' ? PASSED : fail('NXDOMAIN');
  if (check.cname !== undefined) {
    return cnames.includes(withoutDot(check.cname)) ? PASSED : fail(`CNAME ${withoutDot(check.cname)}`);
  }
  const target = check.service ?? check.podsOf;
  if (!target) return failed('nothing to expect');
  const namespace = target.namespace ?? 'default';
  const service = serviceOf(network, target.name, namespace);
  if (!service) return failed(`Service ${target.name} not found`);
  const spec = (service['spec'] ?? {}) as { clusterIP?: string; selector?: Record<string, string> };
  if (check.service) {
    return spec.clusterIP && addresses.includes(spec.clusterIP) ? PASSED : fail(`${spec.clusterIP ?? 'a ClusterIP'}`);
  }
  const podIPs = listPods(network, namespace)
    .filter((pod) => spec.selector !== undefined && hasLabels(pod, spec.selector) && isReady(pod))
    .map((pod) => (pod['status'] as { podIP?: string } | undefined)?.podIP ?? '')
    .sort();
  return podIPs.length > 0 && podIPs.join() === addresses.join()
    ? PASSED
    : fail(podIPs.length ? `the pod IPs ${podIPs.join(', ')}` : 'the IPs of ready pods (there are none)');
}
