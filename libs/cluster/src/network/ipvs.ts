// kube-proxy in ipvs mode: one IPVS virtual server per frontend address and
// port (the ClusterIP, each externalIP and load-balancer IP, and the NodePort
// on each of the node's addresses), round-robin over its real servers, with
// `persistent <timeout>` for ClientIP affinity; and `ipvsadm -Ln` printing
// them as ipvsadm 1.31 does (services and destinations sorted by protocol,
// address and port).
import type { KubeProxyMode } from '../config';
import { ipToNumber } from './addresses';
import { programmedRules, type FrontendKind, type ProgrammedEndpoint, type ServicePortRules } from './kube-proxy';
import { bridgeAddress, nodeNamed, tunnelAddress, type NetworkView } from './view';

export interface VirtualServer {
  protocol: string;
  ip: string;
  port: number;
  kind: FrontendKind;
  rules: ServicePortRules;
  /** `persistent` seconds when the Service has ClientIP affinity. */
  persistentSeconds: number | undefined;
  realServers: ProgrammedEndpoint[];
}

/** The node addresses NodePorts are bound to in ipvs mode (every local address but loopback and kube-ipvs0). */
export function ipvsNodeAddresses(view: NetworkView, nodeName: string): string[] {
  const node = nodeNamed(view, nodeName);
  if (!node) return [];
  const addresses = [node.internalIP];
  if (node.podCIDR) addresses.push(tunnelAddress(node), bridgeAddress(node));
  return addresses.filter((ip) => ip !== '');
}

export function virtualServers(view: NetworkView, nodeName: string): VirtualServer[] {
  const servers: VirtualServer[] = [];
  const nodeAddresses = ipvsNodeAddresses(view, nodeName);
  for (const rules of programmedRules(view, nodeName)) {
    const add = (ip: string, port: number, kind: FrontendKind, realServers: ProgrammedEndpoint[]) =>
      servers.push({
        protocol: rules.protocol,
        ip,
        port,
        kind,
        rules,
        persistentSeconds: rules.affinitySeconds,
        realServers: rules.hasEndpoints ? realServers : [],
      });
    add(rules.clusterIP, rules.port, 'clusterIP', rules.internalEndpoints);
    for (const ip of rules.externalIPs) add(ip, rules.port, 'externalIP', rules.externalEndpoints);
    for (const ip of rules.loadBalancerIPs) add(ip, rules.port, 'loadBalancer', rules.externalEndpoints);
    if (rules.nodePort !== undefined) {
      for (const ip of nodeAddresses) add(ip, rules.nodePort, 'nodePort', rules.externalEndpoints);
    }
  }
  return servers.sort(compareServers);
}

const PROTOCOL_NUMBERS: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132 };

function compareAddress(a: string, b: string, portA: number, portB: number): number {
  const diff = (ipToNumber(a) ?? 0) - (ipToNumber(b) ?? 0);
  return diff !== 0 ? diff : portA - portB;
}

function compareServers(a: VirtualServer, b: VirtualServer): number {
  const protocol = (PROTOCOL_NUMBERS[a.protocol] ?? 0) - (PROTOCOL_NUMBERS[b.protocol] ?? 0);
  return protocol !== 0 ? protocol : compareAddress(a.ip, b.ip, a.port, b.port);
}

/** Destinations as ipvsadm lists them: by address, then port. */
export function sortedRealServers(server: VirtualServer): ProgrammedEndpoint[] {
  return [...server.realServers].sort((a, b) => compareAddress(a.ip, b.ip, a.port, b.port));
}

/** The key the round-robin position and persistence of a virtual server are kept under. */
export function virtualServerKey(nodeName: string, server: Pick<VirtualServer, 'protocol' | 'ip' | 'port'>): string {
  return `${nodeName}|${server.protocol}|${server.ip}:${server.port}`;
}

function pad(text: string, width: number): string {
  return text.padEnd(width, ' ');
}

/** `ipvsadm -Ln` on `nodeName`; in iptables mode the kernel's table is empty. */
export function ipvsadmList(view: NetworkView, nodeName: string, mode: KubeProxyMode = 'ipvs'): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  for (const server of mode === 'ipvs' ? virtualServers(view, nodeName) : []) {
    const persistent = server.persistentSeconds !== undefined ? ` persistent ${server.persistentSeconds}` : '';
    lines.push(`${server.protocol}  ${server.ip}:${server.port} rr${persistent}`);
    for (const real of sortedRealServers(server)) {
      lines.push(`  -> ${pad(real.address, 28)} ${pad('Masq', 7)} ${pad('1', 6)} ${pad('0', 10)} ${pad('0', 10)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
