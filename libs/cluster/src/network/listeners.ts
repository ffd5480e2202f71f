// What a pod's processes listen on: each running container's image program,
// started with the container's command line and environment as the kubelet
// built them (the same way `kubectl exec` and the probes see the container),
// binds the ports the images catalogue says. A container running something
// else (`sleep 3600` in nginx) listens on nothing; the pod spec's `ports`
// never make anything listen.
import type { KubeObject } from '../api/objects';
import { containerEnvironment } from '../controllers/kubelet/container-env';
import { expandCommandLine } from '../controllers/kubelet/expansion';
import { catalogueImages, type KubeletImage } from '../controllers/kubelet/images';
import { effectiveCommand } from '../controllers/kubelet/process-model';
import { servicesAt } from '../controllers/kubelet/service-env';
import type { ListenService } from '../images';
import { podSpec, podStatus } from '../registry/pod';
import { parseTimestamp } from '../runtime/clock';
import type { NetworkView } from './view';

export interface PodListener {
  container: string;
  port: number;
  protocol: string;
  service: ListenService;
  image: KubeletImage;
  /** The container's process environment. */
  env: Record<string, string>;
  startedAt: number;
}

/** The ports the running containers of a pod listen on. */
export function podListeners(view: NetworkView, pod: Readonly<KubeObject>): PodListener[] {
  const namespace = pod.metadata.namespace ?? '';
  const statuses = podStatus(pod).containerStatuses;
  const services = view.store.list('services');
  const sources = {
    configMap: (name: string) => view.store.get('configmaps', namespace, name),
    secret: (name: string) => view.store.get('secrets', namespace, name),
  };
  const listeners: PodListener[] = [];
  for (const container of podSpec(pod).containers) {
    const running = statuses.find((status) => status.name === container.name)?.state.running as
      { startedAt?: string } | undefined;
    const startedAt = parseTimestamp(running?.startedAt);
    if (startedAt === undefined) continue;
    const lookup = catalogueImages(container.image);
    if (!lookup.ok) continue;
    const image = lookup.image;
    const env = containerEnvironment(pod, container, servicesAt(services, startedAt), image.env, sources);
    if (!env.ok) continue;
    const argv = expandCommandLine(effectiveCommand(container, image.process), env.env);
    const environment = Object.fromEntries(env.env);
    for (const listen of image.listeningPorts(environment, argv)) {
      const spec = listen as { port: number; protocol: string; service?: ListenService };
      listeners.push({
        container: container.name,
        port: spec.port,
        protocol: spec.protocol,
        service: spec.service ?? 'raw',
        image,
        env: environment,
        startedAt,
      });
    }
  }
  return listeners;
}

/** The listener for `port`/`protocol` in the pod, if any. */
export function listenerOn(
  view: NetworkView,
  pod: Readonly<KubeObject>,
  port: number,
  protocol: string,
): PodListener | undefined {
  return podListeners(view, pod).find((listener) => listener.port === port && listener.protocol === protocol);
}
