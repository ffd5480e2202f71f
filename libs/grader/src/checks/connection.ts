import type { ConnectSource, HttpExchange } from '@kubelab/cluster';
import type { ConnectionCheck, ConnectionOrigin } from '@kubelab/labs';
import { describePodSelector, hasLabels, isReady, missingPod, podsMatching } from '../objects';
import { type CheckContext, type CheckOutcome, failed, PASSED } from './context';

interface Destination {
  host: string;
  port: number;
  http?: HttpExchange;
}

/** `http://name:port/path`, `https://name`, `name:port`. */
export function parseDestination(to: string): Destination | undefined {
  const match = /^(?:([a-z]+):\/\/)?([^\s/:]+)(?::(\d{1,5}))?(\/\S*)?$/i.exec(to);
  if (!match) return undefined;
  const [, scheme, host = '', port, path] = match;
  const defaultPort = scheme === 'https' ? 443 : scheme === 'http' ? 80 : undefined;
  const number = port ? Number(port) : defaultPort;
  if (number === undefined) return undefined;
  return { host, port: number, ...(scheme === 'http' ? { http: { path: path ?? '/' } } : {}) };
}

function originLabel(from: ConnectionOrigin): string {
  if ('outside' in from) return 'outside the cluster';
  if ('node' in from) return `node ${from.node}`;
  return describePodSelector(from.pod);
}

export function connectionSource(context: CheckContext, from: ConnectionOrigin): ConnectSource | string {
  if ('outside' in from) return { kind: 'external' };
  if ('node' in from) return { kind: 'node', name: from.node };
  const pods = podsMatching(context.target.cluster, from.pod);
  const pod = pods.find(isReady) ?? pods[0];
  if (!pod) return `${missingPod(from.pod)} to connect from`;
  return { kind: 'pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '' };
}

export function checkConnection(check: ConnectionCheck, context: CheckContext): CheckOutcome {
  const destination = parseDestination(check.to);
  if (!destination) return failed(`cannot connect to "${check.to}"`);
  const source = connectionSource(context, check.from);
  if (typeof source === 'string') return failed(source);
  const network = context.network();
  const result = network.network.connect({ from: source, protocol: 'TCP', ...destination });
  const where = `${check.to} from ${originLabel(check.from)}`;
  if (check.type === 'unreachable') {
    if (!result.ok) return PASSED;
    return failed(`${where} is reachable${result.pod ? `: pod ${result.pod.name} answers` : ''}`);
  }
  if (!result.ok) return failed(`${where} fails: ${result.detail}`);
  if (check.answeredBy) {
    const answering = result.pod;
    const pod = answering
      ? podsMatching(network, { namespace: answering.namespace, name: answering.name })[0]
      : undefined;
    const namespaceOk = (check.answeredBy.namespace ?? 'default') === (answering?.namespace ?? '');
    const nameOk = check.answeredBy.name === undefined || check.answeredBy.name === answering?.name;
    if (!pod || !namespaceOk || !nameOk || !hasLabels(pod, check.answeredBy.labels)) {
      const who = answering ? `pod ${answering.name}` : result.node ? `node ${result.node}` : result.address;
      return failed(`${where} is answered by ${who}, expected ${describePodSelector(check.answeredBy)}`);
    }
  }
  return PASSED;
}
