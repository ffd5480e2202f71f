// What a shell entering a container finds (kubectl exec -it): the process
// environment the kubelet gave the container, the files the kubelet and the
// runtime put in (/etc/resolv.conf, /etc/hosts, /etc/hostname) plus what the
// image serves, the image's commands and which shell it has.
import { lookupImage, nginxIndexPage, nginx50xPage, type Cluster } from '@kubelab/cluster';
import { managedHostsFile } from './hosts-file';

export interface ContainerTarget {
  namespace: string;
  pod: string;
  container: string;
}

export type ContainerEnvironment =
  | {
      ok: true;
      env: Record<string, string>;
      files: Record<string, string>;
      flavour: 'gnu' | 'busybox';
      programs: string[];
      shell: 'sh' | 'bash' | undefined;
      prompt: string;
    }
  | { ok: false; message: string };

interface PodShape {
  metadata?: { name?: string };
  spec?: {
    hostname?: string;
    subdomain?: string;
    hostNetwork?: boolean;
    nodeName?: string;
    hostAliases?: Array<{ ip?: string; hostnames?: string[] }>;
    containers?: Array<{ name?: string; image?: string }>;
  };
  status?: { podIP?: string; podIPs?: Array<{ ip?: string }> };
}

function imageFiles(kind: string, version: string): Record<string, string> {
  if (kind !== 'nginx') return {};
  return {
    '/usr/share/nginx/html/index.html': nginxIndexPage(version),
    '/usr/share/nginx/html/50x.html': nginx50xPage(version),
  };
}

export function containerEnvironment(cluster: Cluster, target: ContainerTarget): ContainerEnvironment {
  const response = cluster.request({
    verb: 'get',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace: target.namespace,
    name: target.pod,
  });
  if (response.status !== 200) return { ok: false, message: `pods "${target.pod}" not found` };
  const pod = response.body as PodShape;
  const container = pod.spec?.containers?.find((candidate) => candidate.name === target.container);
  const image = container?.image ? lookupImage(container.image) : undefined;
  const process = cluster.containerEnvironment({
    namespace: target.namespace,
    name: target.pod,
    container: target.container,
  });
  if (!('env' in process)) return { ok: false, message: process.message ?? 'container not found' };
  if (!container || !image) return { ok: false, message: `container not found ("${target.container}")` };
  const env = process.env;
  const hostname = (pod.spec?.hostname ?? pod.metadata?.name ?? '').slice(0, 63);
  const podIPs = (pod.status?.podIPs ?? []).map((entry) => entry.ip ?? '').filter((ip) => ip !== '');
  const files: Record<string, string> = {
    '/etc/resolv.conf': cluster.network.resolvConf(target.namespace, target.pod),
    '/etc/hostname': `${hostname}\n`,
    '/etc/hosts': managedHostsFile({
      podIPs: podIPs.length > 0 ? podIPs : pod.status?.podIP ? [pod.status.podIP] : [],
      hostname,
      ...(pod.spec?.subdomain ? { subdomain: pod.spec.subdomain } : {}),
      namespace: target.namespace,
      clusterDomain: cluster.config.clusterDomain,
      hostAliases: (pod.spec?.hostAliases ?? []).map((alias) => ({
        ip: alias.ip ?? '',
        hostnames: alias.hostnames ?? [],
      })),
    }),
    ...imageFiles(image.kind, image.version),
  };
  const tools = image.shell;
  const busybox = !tools.bash && tools.binaries.includes('ash');
  const shell = tools.shell === undefined ? undefined : tools.bash ? 'bash' : 'sh';
  return {
    ok: true,
    env,
    files,
    flavour: busybox ? 'busybox' : 'gnu',
    programs: [...tools.binaries],
    shell,
    prompt: busybox ? '/ # ' : `root@${hostname}:/# `,
  };
}
