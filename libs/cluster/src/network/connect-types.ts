// The shapes of a simulated connection: who connects, to what, and either
// the path the packets took and what answered, or how it failed.
import type { KubeObject } from '../api/objects';
import type { KubeletImage } from '../controllers/kubelet/images';
import type { HttpResponse, ListenService } from '../images';
import type { SeededRandom } from '../runtime/random';
import type { ResolveResult } from './dns';
import type { FrontendKind } from './kube-proxy';

export type ConnectSource =
  | { kind: 'pod'; namespace: string; name: string }
  | { kind: 'node'; name: string }
  /** A machine outside the cluster (default address: 192.168.<net>.100, on the nodes' subnet). */
  | { kind: 'external'; address?: string };

export interface HttpExchange {
  method?: string;
  /** Request target; default `/`. */
  path?: string;
  headers?: Array<[string, string]>;
  httpVersion?: 'HTTP/1.1' | 'HTTP/1.0';
  body?: string;
}

/** Where the access-log lines of the answering container go (the kubelet's ContainerLogBuffer). */
export interface LogSink {
  appendToPod(pod: Readonly<KubeObject>, container: string, at: number, text: string): void;
}

export interface ConnectRequest {
  from: ConnectSource;
  /** An IPv4 address or a DNS name, resolved from the source. */
  host: string;
  port: number;
  protocol: 'TCP' | 'UDP';
  random: Pick<SeededRandom, 'int'>;
  /** Simulated time (epoch ms): affinity expiry, HTTP dates, log timestamps. */
  now: number;
  /** Send one HTTP request over the connection and take the answer. */
  http?: HttpExchange;
  logs?: LogSink;
}

export type Hop =
  | { kind: 'dns'; name: string; address: string; queriedName: string }
  | {
      kind: 'service' | 'nodeport' | 'loadbalancer' | 'externalip';
      namespace: string;
      name: string;
      /** ServicePortName.String(). */
      servicePort: string;
      frontend: FrontendKind;
      ip: string;
      port: number;
      /** The node whose kube-proxy rules took the packet. */
      node: string;
      mode: 'iptables' | 'ipvs';
      /** iptables: the KUBE-SEP chain taken; ipvs: the virtual server. */
      via: string;
      snat: boolean;
    }
  | { kind: 'hostport'; node: string; ip: string; port: number }
  | { kind: 'pod'; namespace: string; name: string; ip: string; port: number; node: string }
  | { kind: 'node'; name: string; ip: string; port: number }
  | { kind: 'external'; ip: string; port: number };

export type ConnectError = 'refused' | 'timeout' | 'no-route' | 'nxdomain' | 'unreachable';

export interface ConnectFailure {
  ok: false;
  error: ConnectError;
  detail: string;
  via: Hop[];
  /** The DNS answer when the name did not resolve. */
  resolution?: ResolveResult;
}

export interface ReachedPod {
  namespace: string;
  name: string;
  uid: string;
  ip: string;
  node: string;
}

export interface ConnectSuccess {
  ok: true;
  via: Hop[];
  /** What accepted the connection. */
  target: 'pod' | 'node' | 'external';
  /** The address:port finally reached (after DNAT). */
  address: string;
  containerPort: number;
  pod?: ReachedPod;
  node?: string;
  /** The container (pod targets) or process (node daemons) that accepted. */
  container?: string;
  process?: string;
  /** The kind of server that answers (`http`, `redis`, `dns`, ...). */
  service: ListenService | 'ssh' | 'https' | 'etcd' | 'unknown';
  /** The image whose program answers (pod targets). */
  image?: KubeletImage;
  /** The container's environment (for servers whose answers depend on it). */
  env?: Record<string, string>;
  /** The source address the server sees: SNAT rewrites it to an address of the node that forwarded. */
  clientIpSeen: string;
  snat: boolean;
  /** The connection's number at the pod (nginx's `*N`). */
  connection?: number;
  response?: HttpResponse;
  /** Log lines the server wrote for the request (also appended to `logs` when given). */
  logLines?: string[];
}

export type ConnectResult = ConnectSuccess | ConnectFailure;
