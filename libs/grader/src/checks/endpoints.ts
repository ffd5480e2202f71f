import type { Cluster, KubeObject } from '@kubelab/cluster';
import type { EndpointsCheck } from '@kubelab/labs';
import { closestName, formatLabels } from '../names';
import { hasLabels, isReady, listObjects, listPods, resolveKind } from '../objects';
import { type CheckContext, type CheckOutcome, failed, PASSED } from './context';

interface Slice {
  endpoints?: Array<{ conditions?: { ready?: boolean }; targetRef?: { kind?: string; name?: string } }>;
}

/** Names of the pods behind the Service's ready endpoints (from its EndpointSlices). */
function readyEndpointPods(cluster: Cluster, namespace: string, service: string): string[] {
  const kind = resolveKind(cluster, 'EndpointSlice', 'discovery.k8s.io/v1');
  if (!kind) return [];
  const slices = listObjects(cluster, kind, { namespace, labelSelector: `kubernetes.io/service-name=${service}` });
  if ('error' in slices) return [];
  return (slices as Array<KubeObject & Slice>)
    .flatMap((slice) => slice.endpoints ?? [])
    .filter((endpoint) => endpoint.conditions?.ready !== false && endpoint.targetRef?.kind === 'Pod')
    .map((endpoint) => endpoint.targetRef?.name ?? '')
    .sort();
}

export function checkEndpoints(check: EndpointsCheck, context: CheckContext): CheckOutcome {
  const cluster = context.target.cluster;
  const namespace = check.service.namespace ?? 'default';
  const services = resolveKind(cluster, 'Service');
  const all = services ? listObjects(cluster, services, { namespace }) : [];
  const list = 'error' in all ? [] : all;
  const service = list.find((object) => object.metadata.name === check.service.name);
  if (!service) {
    const near = closestName(
      check.service.name,
      list.map((object) => object.metadata.name ?? ''),
    );
    return failed(`Service ${check.service.name} not found${near ? `; did you mean ${near}?` : ''}`);
  }
  const actual = readyEndpointPods(cluster, namespace, check.service.name);
  if (check.nonEmpty) return actual.length > 0 ? PASSED : failed(whyEmpty(cluster, service, namespace));
  if (check.empty)
    return actual.length === 0 ? PASSED : failed(`Service ${check.service.name} sends traffic to ${actual.join(', ')}`);
  const expected = listPods(cluster, namespace)
    .filter((pod) => hasLabels(pod, check.podSelector) && isReady(pod))
    .map((pod) => pod.metadata.name ?? '')
    .sort();
  if (expected.join() === actual.join())
    return expected.length > 0 ? PASSED : failed(`no ready pod has labels ${formatLabels(check.podSelector)}`);
  if (actual.length === 0) return failed(whyEmpty(cluster, service, namespace));
  return failed(
    `Service ${check.service.name} sends traffic to ${actual.join(', ')}; expected ${expected.join(', ') || 'no pods'}`,
  );
}

/** Why a Service has no ready endpoints: no selector, a selector matching nothing, or pods not ready. */
function whyEmpty(cluster: Cluster, service: KubeObject, namespace: string): string {
  const name = service.metadata.name ?? '';
  const selector = (service['spec'] as { selector?: Record<string, string> } | undefined)?.selector;
  if (!selector || Object.keys(selector).length === 0) return `Service ${name} has no selector, so no endpoints`;
  const pods = listPods(cluster, namespace);
  const selected = pods.filter((pod) => hasLabels(pod, selector));
  if (selected.length === 0) {
    const near =
      pods.find((pod) =>
        Object.values(pod.metadata.labels ?? {}).some((value) => Object.values(selector).includes(value)),
      ) ?? pods[0];
    return `selector ${formatLabels(selector)} matches no pods${near ? `; pod ${near.metadata.name ?? ''} has labels ${formatLabels(near.metadata.labels)}` : ''}`;
  }
  const notReady = selected.filter((pod) => !isReady(pod));
  if (notReady.length === selected.length) {
    return `selector ${formatLabels(selector)} matches ${notReady.map((pod) => pod.metadata.name).join(', ')}, but no such pod is ready`;
  }
  return `Service ${name} has no ready endpoints`;
}
