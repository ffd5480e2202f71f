// Which printer serves which kind: the kinds kube-apiserver's AddHandlers
// registers that the sandbox serves. Kinds missing here get the default
// table convertor (NAME, CREATED AT).
import { configMapPrinter, secretPrinter, serviceAccountPrinter } from './columns/config';
import { cronJobPrinter, jobPrinter } from './columns/batch';
import { leasePrinter } from './columns/coordination';
import { endpointSlicePrinter, endpointsPrinter } from './columns/endpoints';
import { eventPrinter } from './columns/event';
import { namespacePrinter } from './columns/namespace';
import { nodePrinter } from './columns/node';
import { podPrinter } from './columns/pod';
import { servicePrinter } from './columns/service';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
  statefulSetPrinter,
} from './columns/workloads';
import type { Printer } from './printer';

const PRINTERS: ReadonlyMap<string, Printer> = new Map([
  ['Pod', podPrinter],
  ['Service', servicePrinter],
  ['Endpoints', endpointsPrinter],
  ['EndpointSlice', endpointSlicePrinter],
  ['Deployment', deploymentPrinter],
  ['ReplicaSet', replicaSetPrinter],
  ['ReplicationController', replicationControllerPrinter],
  ['DaemonSet', daemonSetPrinter],
  ['StatefulSet', statefulSetPrinter],
  ['ControllerRevision', controllerRevisionPrinter],
  ['Job', jobPrinter],
  ['CronJob', cronJobPrinter],
  ['Node', nodePrinter],
  ['Namespace', namespacePrinter],
  ['Event', eventPrinter],
  ['ConfigMap', configMapPrinter],
  ['Secret', secretPrinter],
  ['ServiceAccount', serviceAccountPrinter],
  ['Lease', leasePrinter],
]);

export function printerFor(kind: string): Printer | undefined {
  return PRINTERS.get(kind);
}
