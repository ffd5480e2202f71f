// kubectl expose (pod|service|replicationcontroller|deployment|replicaset) NAME [--port] [--target-port] [--type] ...
import type { KubeObject } from '@kubelab/cluster';
import { isStatus, KubectlError, statusMessage } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { readTargets } from './targets';
import { intOrString } from './generators';
import { dryRunOf, outputFormatOf, printResult } from './output';
import { applyOverrides } from './overrides';
import { parseLabelSpec } from './labels-spec';
import { portsFor, protocolsFor, selectorFor } from './expose-introspection';

const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

interface ServiceInputs {
  name: string;
  selector: string;
  labels: string;
  ports: string;
  protocols: Map<string, string[]>;
}

function buildService(inv: Invocation, input: ServiceInputs): KubeObject {
  if (input.selector === '') throw new KubectlError('error: selector must be specified');
  const selector = parseLabelSpec(input.selector);
  const labels = input.labels ? parseLabelSpec(input.labels) : undefined;
  const portStrings = input.ports === '' ? [] : input.ports.split(',');
  const protocolFlag = inv.string('protocol');
  const ports: Array<Record<string, unknown>> = [];
  portStrings.forEach((text, index) => {
    if (!/^[-+]?\d+$/.test(text))
      throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
    const port = Number(text);
    const name = portStrings.length > 1 ? `port-${index + 1}` : inv.string('port-name');
    let protocol = protocolFlag;
    if (!protocol) {
      const found = input.protocols.get(text) ?? [];
      if (found.length > 1) {
        for (const each of found) ports.push({ name: `port-${index + 1}-${each.toLowerCase()}`, protocol: each, port });
        return;
      }
      protocol = found[0] ?? 'TCP';
    }
    ports.push({ ...(name ? { name } : {}), protocol, port });
  });
  const target = inv.string('target-port');
  for (const port of ports) port['targetPort'] = target ? intOrString(target) : port['port'];
  const type = inv.string('type');
  const affinity = inv.string('session-affinity');
  if (affinity && affinity !== 'None' && affinity !== 'ClientIP')
    throw new KubectlError(`error: unknown session affinity: ${affinity}`);
  const externalIP = inv.string('external-ip');
  const clusterIP = inv.string('cluster-ip');
  const lbIP = inv.string('load-balancer-ip');
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: {
      name: input.name,
      ...(inv.explicitNamespace && dryRunOf(inv) === 'client' ? { namespace: inv.namespace } : {}),
      creationTimestamp: null,
      ...(labels ? { labels } : {}),
    },
    spec: {
      ...(ports.length ? { ports } : {}),
      selector,
      ...(clusterIP ? { clusterIP } : {}),
      ...(type ? { type } : {}),
      ...(externalIP ? { externalIPs: [externalIP] } : {}),
      ...(affinity ? { sessionAffinity: affinity } : {}),
      ...(type === 'LoadBalancer' && lbIP ? { loadBalancerIP: lbIP } : {}),
    },
    status: { loadBalancer: {} },
  };
}

function exposeOne(inv: Invocation, object: KubeObject): void {
  if (!EXPOSABLE.includes(object.kind ?? '')) throw new KubectlError(`error: cannot expose a ${object.kind ?? ''}`);
  let selector = inv.string('selector');
  if (selector === '') {
    const found = selectorFor(object);
    if (!found.ok)
      throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: ${found.error}`);
    selector = found.selector;
  }
  let ports = inv.string('port');
  if (ports === '') {
    const found = portsFor(object);
    if (found.length === 0 && inv.string('cluster-ip') !== 'None') {
      throw new KubectlError("error: couldn't find port via --port flag or introspection");
    }
    ports = found.join(',');
  }
  const labels =
    inv.string('labels') ||
    Object.entries(object.metadata?.labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  const name = inv.string('name') || (object.metadata?.name ?? '').slice(0, 63);
  const service = applyOverrides(
    inv,
    buildService(inv, { name, selector, labels, ports, protocols: protocolsFor(object) }),
  );
  const dryRun = dryRunOf(inv);
  if (dryRun === 'client') {
    printResult(inv, service, { operation: 'exposed', dryRun, typed: true });
    return;
  }
  const response = inv.client.send({
    verb: 'create',
    group: '',
    version: 'v1',
    resource: 'services',
    namespace: inv.namespace,
    body: service,
    query: { ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}), fieldManager: 'kubectl-expose' },
  });
  if (isStatus(response.body) && response.status >= 300) throw new KubectlError(statusMessage(response.body));
  printResult(inv, response.body as KubeObject, { operation: 'exposed', dryRun });
}

export const expose: KubectlCommand = {
  path: 'expose',
  async run(inv) {
    outputFormatOf(inv);
    const targets = await readTargets(inv, { allowTypeOnly: false });
    let failed = false;
    for (const target of targets) {
      try {
        const object = target.object ?? inv.client.get(target.mapping, target.namespace, target.name);
        exposeOne(inv, object);
      } catch (error) {
        if (!(error instanceof KubectlError)) throw error;
        inv.err(`${error.message}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
};
