// The /etc/hosts the kubelet writes into every container of a pod without
// host networking (pkg/kubelet/kubelet_pods.go managedHostsFileContent):
// the header, the loopback and IPv6 lines, the pod's own address with its
// FQDN when it has a subdomain, then the pod's hostAliases.

export interface HostsFileSource {
  podIPs: string[];
  hostname: string;
  /** spec.subdomain: adds `<hostname>.<subdomain>.<namespace>.svc.<domain>`. */
  subdomain?: string;
  namespace: string;
  clusterDomain: string;
  hostAliases: Array<{ ip: string; hostnames: string[] }>;
}

export function managedHostsFile(source: HostsFileSource): string {
  let content =
    '# Kubernetes-managed hosts file.\n' +
    '127.0.0.1\tlocalhost\n' +
    '::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\n' +
    'fe00::0\tip6-mcastprefix\n' +
    'fe00::1\tip6-allnodes\n' +
    'fe00::2\tip6-allrouters\n';
  for (const ip of source.podIPs) {
    if (source.subdomain) {
      const fqdn = `${source.hostname}.${source.subdomain}.${source.namespace}.svc.${source.clusterDomain}`;
      content += `${ip}\t${fqdn}\t${source.hostname}\n`;
    } else content += `${ip}\t${source.hostname}\n`;
  }
  if (source.hostAliases.length > 0) {
    content += '\n# Entries added by HostAliases.\n';
    for (const alias of source.hostAliases) content += `${alias.ip}\t${alias.hostnames.join('\t')}\n`;
  }
  return content;
}
