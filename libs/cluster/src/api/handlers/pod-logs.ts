// GET pods/{name}/log: a container's output as the kubelet serves it through
// the API server (text/plain), with the container checks and messages of
// pkg/registry/core/pod/strategy.go LogLocation.
import { formatMicroTimestamp } from '../../runtime/clock';
import type { ApiServer } from '../api-server';
import { apiErrors } from '../errors';
import { isRecord, type KubeObject } from '../objects';
import { keyOf, RESOURCES } from '../resource-refs';
import type { ApiRequest } from '../request';

export interface LogLine {
  at: number;
  text: string;
}

/** Reads a container's log lines; a string is the kubelet's refusal (`... is waiting to start`). */
export type ContainerLogReader = (
  pod: Readonly<KubeObject>,
  container: string,
  options: { previous: boolean },
) => LogLine[] | string;

export function podLogs(server: ApiServer, request: ApiRequest, read: ContainerLogReader): string {
  const name = request.name ?? '';
  const pod = server.store.get(keyOf(RESOURCES.pods), request.namespace, name);
  if (!pod) throw apiErrors.notFound({ group: '', resource: 'pods' }, name);
  const container = chooseContainer(pod, request.query?.container);
  const result = read(pod, container, { previous: request.query?.previous === true });
  if (typeof result === 'string') throw apiErrors.badRequest(result);
  let lines = result;
  const since = request.query?.sinceSeconds;
  if (since !== undefined) lines = lines.filter((line) => line.at >= server.clock.now() - since * 1000);
  const tail = request.query?.tailLines;
  if (tail !== undefined && tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  const timestamps = request.query?.timestamps === true;
  return lines.map((line) => `${timestamps ? `${formatMicroTimestamp(line.at)} ` : ''}${line.text}\n`).join('');
}

/** The container a request means: the one named, the default-container annotation's, or the only one. */
export function chooseContainer(pod: Readonly<KubeObject>, requested: string | undefined): string {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const names = (key: string): string[] =>
    (Array.isArray(spec[key]) ? (spec[key] as unknown[]) : [])
      .map((container) => (isRecord(container) && typeof container.name === 'string' ? container.name : ''))
      .filter(Boolean);
  const containers = names('containers');
  const all = [...containers, ...names('initContainers'), ...names('ephemeralContainers')];
  const podName = pod.metadata.name ?? '';
  if (requested) {
    if (!all.includes(requested)) throw apiErrors.badRequest(`container ${requested} is not valid for pod ${podName}`);
    return requested;
  }
  const preferred = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (preferred && containers.includes(preferred)) return preferred;
  if (containers.length === 1 && containers[0]) return containers[0];
  const initNames = names('initContainers');
  const choices = `[${containers.join(' ')}]${initNames.length ? ` or one of the init containers: [${initNames.join(' ')}]` : ''}`;
  throw apiErrors.badRequest(`a container name must be specified for pod ${podName}, choose one of: ${choices}`);
}
