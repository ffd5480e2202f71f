// The CNI host-local IPAM of each node's pod CIDR: addresses go out in turn
// after the last one handed out (last_reserved_ip), wrapping round to the
// start of the range, skipping those still held; .1 is the bridge (cni0).
import { ipToNumber, numberToIp, parseCidr } from '../../network/addresses';
import type { KubeletState } from './runtime-state';

/** Addresses pods on `node` hold now: every sandbox not yet torn down. */
export function addressesInUse(state: KubeletState, node: string): Set<string> {
  const used = new Set<string>();
  for (const record of Object.values(state.pods)) {
    if (record.node === node && record.podIP && !record.sandboxGone) used.add(record.podIP);
  }
  return used;
}

/** The next free address of `cidr` for `node`, or undefined when the range is full. */
export function allocatePodIP(state: KubeletState, node: string, cidr: string): string | undefined {
  const range = parseCidr(cidr);
  const first = range.base + 2;
  const last = range.base + range.size - 2;
  if (last < first) return undefined;
  const used = addressesInUse(state, node);
  const previous = ipToNumber(state.lastPodIP[node] ?? '') ?? first - 1;
  const start = previous >= first - 1 && previous <= last ? previous : first - 1;
  const count = last - first + 1;
  for (let step = 1; step <= count; step++) {
    const candidate = first + ((start - first + step + count) % count);
    const ip = numberToIp(candidate);
    if (used.has(ip)) continue;
    state.lastPodIP[node] = ip;
    return ip;
  }
  return undefined;
}

/** The bridge address pods see the node (and its kubelet's probes) come from. */
export function bridgeAddress(cidr: string): string {
  return numberToIp(parseCidr(cidr).base + 1);
}
