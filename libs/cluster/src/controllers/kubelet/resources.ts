// Resource quantities as the scheduler and the kubelet compare them: what a
// pod requests, and its QoS class (pkg/apis/core/v1/helper/qos).
import type { ContainerSpec, PodSpecView } from './pod-spec';

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** A resource.Quantity's value as a plain number (`100m` -> 0.1, `1Gi` -> 1073741824); undefined when malformed. */
export function parseQuantity(text: string): number | undefined {
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const base = Number(match[1]);
  if (match[2]) return base * 10 ** Number(match[2].slice(1));
  const suffix = match[3] ?? '';
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  return factor === undefined ? undefined : base * factor;
}

/** Requests as defaulted by the API server: a limit stands in for a missing request. */
export function effectiveRequests(container: ContainerSpec): Record<string, number> {
  const amounts: Record<string, number> = {};
  for (const [name, value] of Object.entries({ ...container.resources.limits, ...container.resources.requests })) {
    const amount = parseQuantity(value);
    if (amount !== undefined) amounts[name] = amount;
  }
  return amounts;
}

/**
 * What the pod asks of a node (resourcehelper.PodRequests): the sum over its
 * containers, or the largest init container when that is more.
 */
export function podRequests(spec: PodSpecView): Record<string, number> {
  const total: Record<string, number> = {};
  for (const container of spec.containers) {
    for (const [name, amount] of Object.entries(effectiveRequests(container)))
      total[name] = (total[name] ?? 0) + amount;
  }
  for (const container of spec.initContainers) {
    for (const [name, amount] of Object.entries(effectiveRequests(container))) {
      total[name] = Math.max(total[name] ?? 0, amount);
    }
  }
  return total;
}

function isQosResource(name: string): boolean {
  return name === 'cpu' || name === 'memory';
}

/** ComputePodQOS: BestEffort without any cpu/memory amounts, Guaranteed when every container's limits equal its requests. */
export function qosClass(spec: PodSpecView): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  let guaranteed = true;
  for (const container of [...spec.containers, ...spec.initContainers]) {
    for (const [name, amount] of Object.entries(effectiveRequests(container))) {
      if (isQosResource(name) && amount > 0) requests[name] = (requests[name] ?? 0) + amount;
    }
    const found = new Set<string>();
    for (const [name, value] of Object.entries(container.resources.limits)) {
      const amount = parseQuantity(value) ?? 0;
      if (!isQosResource(name) || amount <= 0) continue;
      found.add(name);
      limits[name] = (limits[name] ?? 0) + amount;
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  const requested = Object.keys(requests);
  if (requested.length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (guaranteed) {
    for (const name of requested) {
      if (limits[name] === undefined || Math.abs((limits[name] ?? 0) - (requests[name] ?? 0)) > 1e-9)
        guaranteed = false;
    }
  }
  return guaranteed && requested.length === Object.keys(limits).length ? 'Guaranteed' : 'Burstable';
}
