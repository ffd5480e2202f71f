// The pod's QoS class as pkg/apis/core/helper/qos.ComputePodQOS decides
// it at creation: BestEffort without cpu/memory requests or limits,
// Guaranteed when every container limits both and requests equal limits.
import type { KubeObject } from '../../api/objects';
import { record, records } from './json';
import { quantityValue, readQuantity } from './quantity';

export type QosClass = 'BestEffort' | 'Burstable' | 'Guaranteed';

const QOS_RESOURCES = ['cpu', 'memory'];

function positive(list: unknown): Map<string, number> {
  const found = new Map<string, number>();
  for (const [name, value] of Object.entries(record(list))) {
    if (!QOS_RESOURCES.includes(name)) continue;
    const quantity = readQuantity(value);
    const amount = quantity ? quantityValue(quantity) : 0;
    if (amount > 0) found.set(name, amount);
  }
  return found;
}

export function computePodQos(pod: Readonly<KubeObject>): QosClass {
  const spec = record(pod.spec);
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const container of [...records(spec.containers), ...records(spec.initContainers)]) {
    const resources = record(container.resources);
    for (const [name, amount] of positive(resources.requests)) requests.set(name, (requests.get(name) ?? 0) + amount);
    const containerLimits = positive(resources.limits);
    for (const [name, amount] of containerLimits) limits.set(name, (limits.get(name) ?? 0) + amount);
    if (!QOS_RESOURCES.every((name) => containerLimits.has(name))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, amount] of requests) {
      if (limits.get(name) !== amount) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
