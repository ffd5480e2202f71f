// What `kubectl expose` reads from the exposed object (polymorphichelpers):
// its pod selector, its ports and their protocols.
import type { KubeObject } from '@kubelab/cluster';

interface Container {
  ports?: Array<{ containerPort?: number; protocol?: string }>;
}

interface Exposable {
  kind?: string;
  metadata?: { labels?: Record<string, string> };
  spec?: {
    selector?: Record<string, string> & { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
    containers?: Container[];
    ports?: Array<{ port?: number; protocol?: string }>;
    template?: { spec?: { containers?: Container[] } };
  };
}

/** MapBasedSelectorForObject: `app=web`, or why there is none. */
export function selectorFor(object: KubeObject): { ok: true; selector: string } | { ok: false; error: string } {
  const view = object as Exposable;
  const join = (labels: Record<string, string>) =>
    Object.entries(labels)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
  switch (view.kind) {
    case 'Pod': {
      const labels = view.metadata?.labels ?? {};
      if (Object.keys(labels).length === 0) return { ok: false, error: 'the pod has no labels and cannot be exposed' };
      return { ok: true, selector: join(labels) };
    }
    case 'Service': {
      const selector = view.spec?.selector ?? {};
      if (Object.keys(selector).length === 0) return { ok: false, error: 'the service has no pod selector set' };
      return { ok: true, selector: join(selector) };
    }
    case 'ReplicationController':
      return { ok: true, selector: join(view.spec?.selector ?? {}) };
    case 'Deployment':
    case 'ReplicaSet': {
      const selector = view.spec?.selector;
      if (selector?.matchExpressions?.length) {
        return {
          ok: false,
          error: `couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format`,
        };
      }
      return { ok: true, selector: join(selector?.matchLabels ?? {}) };
    }
    default:
      return { ok: false, error: `cannot extract pod selector from ${view.kind ?? ''}` };
  }
}

function containersOf(view: Exposable): Container[] {
  if (view.kind === 'Pod') return view.spec?.containers ?? [];
  return view.spec?.template?.spec?.containers ?? [];
}

/** PortsForObject: the container ports (or a service's ports) as strings. */
export function portsFor(object: KubeObject): string[] {
  const view = object as Exposable;
  if (view.kind === 'Service') return (view.spec?.ports ?? []).map((port) => String(port.port ?? 0));
  return containersOf(view).flatMap((container) =>
    (container.ports ?? []).map((port) => String(port.containerPort ?? 0)),
  );
}

/** ProtocolsForObject as kubectl joins it: `80/TCP,53/UDP`. */
export function protocolsFor(object: KubeObject): Map<string, string[]> {
  const view = object as Exposable;
  const map = new Map<string, string[]>();
  const add = (port: number | undefined, protocol: string | undefined) => {
    const key = String(port ?? 0);
    map.set(key, [...(map.get(key) ?? []), protocol || 'TCP']);
  };
  if (view.kind === 'Service') for (const port of view.spec?.ports ?? []) add(port.port, port.protocol);
  else
    for (const container of containersOf(view))
      for (const port of container.ports ?? []) add(port.containerPort, port.protocol);
  return map;
}
