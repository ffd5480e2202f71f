// kube-proxy's iptables chain names (pkg/proxy/iptables/proxier.go): the
// first 16 characters of the base32 of sha256(`<ns>/<svc>[:<port>]<protocol>`)
// (and, for endpoint chains, the endpoint `ip:port` appended), behind a
// prefix per chain kind.
import { sha256Hex } from '../runtime/sha256';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Go's base32.StdEncoding of the first `length` bytes of a hex digest, unpadded. */
function base32Prefix(hex: string, characters: number): string {
  let bits = '';
  for (let i = 0; i < hex.length && bits.length < characters * 5; i += 2) {
    bits += parseInt(hex.slice(i, i + 2), 16)
      .toString(2)
      .padStart(8, '0');
  }
  let out = '';
  for (let i = 0; i + 5 <= bits.length && out.length < characters; i += 5) {
    out += BASE32[parseInt(bits.slice(i, i + 5), 2)] ?? '';
  }
  return out;
}

/** portProtoHash: 16 characters naming a service port's chains. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return base32Prefix(sha256Hex(servicePortName + protocol.toLowerCase()), 16);
}

/** ServicePortName.String(): `ns/name`, with `:port` when the port is named. */
export function servicePortName(namespace: string, name: string, port: string): string {
  return `${namespace}/${name}${port ? `:${port}` : ''}`;
}

export interface ServiceChains {
  cluster: string;
  local: string;
  external: string;
  firewall: string;
}

export function serviceChains(servicePort: string, protocol: string): ServiceChains {
  const hash = portProtoHash(servicePort, protocol);
  return {
    cluster: `KUBE-SVC-${hash}`,
    local: `KUBE-SVL-${hash}`,
    external: `KUBE-EXT-${hash}`,
    firewall: `KUBE-FW-${hash}`,
  };
}

/** KUBE-SEP-XXXX for one endpoint (`ip:port`) of a service port. */
export function endpointChain(servicePort: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${base32Prefix(sha256Hex(servicePort + protocol.toLowerCase() + endpoint), 16)}`;
}
