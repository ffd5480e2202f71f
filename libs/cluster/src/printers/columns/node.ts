// Nodes: printNode's STATUS (Ready condition, SchedulingDisabled), ROLES
// from node-role labels and the wide address and system-info columns.
import { DOCS } from '../docs';
import { translateTimestampSince } from '../duration';
import { bool, recordAt, records, str, stringMap, type JsonRecord } from '../fields';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer } from '../printer';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

function nodeStatus(node: JsonRecord): string {
  const status: string[] = [];
  // Only the Ready condition is shown; a later duplicate of it wins, as in the Go map.
  const ready = records(recordAt(node, 'status').conditions)
    .filter((condition) => condition.type === 'Ready')
    .pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (bool(recordAt(node, 'spec').unschedulable)) status.push('SchedulingDisabled');
  return status.join(',');
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
export function nodeRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels)) {
    if (key.startsWith(NODE_ROLE_PREFIX)) {
      const role = key.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === NODE_ROLE_LABEL && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

function firstAddress(node: JsonRecord, type: string): string {
  const address = records(recordAt(node, 'status').addresses).find((entry) => entry.type === type);
  return address ? str(address.address) : '<none>';
}

export const nodePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    column('Version', 'string', DOCS.NodeSystemInfo.kubeletVersion),
    column('Internal-IP', 'string', DOCS.NodeStatus.addresses, { priority: 1 }),
    column('External-IP', 'string', DOCS.NodeStatus.addresses, { priority: 1 }),
    column('OS-Image', 'string', DOCS.NodeSystemInfo.osImage, { priority: 1 }),
    column('Kernel-Version', 'string', DOCS.NodeSystemInfo.kernelVersion, { priority: 1 }),
    column('Container-Runtime', 'string', DOCS.NodeSystemInfo.containerRuntimeVersion, { priority: 1 }),
  ],
  print(node, { now }) {
    const info = recordAt(node, 'status', 'nodeInfo');
    return {
      cells: [
        node.metadata.name ?? '',
        nodeStatus(node),
        nodeRoles(stringMap(node.metadata.labels)).join(',') || '<none>',
        translateTimestampSince(node.metadata.creationTimestamp, now),
        str(info.kubeletVersion),
        firstAddress(node, 'InternalIP'),
        firstAddress(node, 'ExternalIP'),
        str(info.osImage) || '<unknown>',
        str(info.kernelVersion) || '<unknown>',
        str(info.containerRuntimeVersion) || '<unknown>',
      ],
    };
  },
};
