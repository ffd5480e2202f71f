// The apps kinds and ReplicationControllers: printDeployment,
// printReplicaSet, printReplicationController, printDaemonSet,
// printStatefulSet and printControllerRevision.
import { DOCS } from '../docs';
import { translateTimestampSince } from '../duration';
import { int, recordAt, records, stringMap, str } from '../fields';
import { AGE_COLUMN, column, CONTAINER_COLUMNS, layoutContainerCells, NAME_COLUMN, type Printer } from '../printer';
import { formatLabels, formatLabelSelector, labelSelectorString } from '../selectors';

function templateContainers(object: object): unknown {
  return recordAt(object, 'spec', 'template', 'spec').containers;
}

export const deploymentPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', DOCS.DeploymentStatus.updatedReplicas),
    column('Available', 'string', DOCS.DeploymentStatus.availableReplicas),
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    column('Selector', 'string', DOCS.DeploymentSpec.selector, { priority: 1 }),
  ],
  print(deployment, { now }) {
    const spec = recordAt(deployment, 'spec');
    const status = recordAt(deployment, 'status');
    // printDeployment uses LabelSelectorAsSelector directly: '' when empty, `<invalid>` on error.
    const selector = labelSelectorString(spec.selector) ?? '<invalid>';
    return {
      cells: [
        deployment.metadata.name ?? '',
        `${int(status.readyReplicas)}/${int(spec.replicas)}`,
        int(status.updatedReplicas),
        int(status.availableReplicas),
        translateTimestampSince(deployment.metadata.creationTimestamp, now),
        ...layoutContainerCells(templateContainers(deployment)),
        selector,
      ],
    };
  },
};

/** printReplicaSet and printReplicationController: one row, each kind's docs and selector form. */
function replicasPrinter(
  specDocs: { replicas: string; selector: string },
  statusDocs: { replicas: string; readyReplicas: string },
  selectorCell: (selector: unknown) => string,
): Printer {
  return {
    columns: [
      NAME_COLUMN,
      column('Desired', 'integer', specDocs.replicas),
      column('Current', 'integer', statusDocs.replicas),
      column('Ready', 'integer', statusDocs.readyReplicas),
      AGE_COLUMN,
      ...CONTAINER_COLUMNS,
      column('Selector', 'string', specDocs.selector, { priority: 1 }),
    ],
    print(owner, { now }) {
      const spec = recordAt(owner, 'spec');
      const status = recordAt(owner, 'status');
      return {
        cells: [
          owner.metadata.name ?? '',
          int(spec.replicas),
          int(status.replicas),
          int(status.readyReplicas),
          translateTimestampSince(owner.metadata.creationTimestamp, now),
          ...layoutContainerCells(templateContainers(owner)),
          selectorCell(spec.selector),
        ],
      };
    },
  };
}

export const replicaSetPrinter = replicasPrinter(DOCS.ReplicaSetSpec, DOCS.ReplicaSetStatus, formatLabelSelector);

// A ReplicationController's selector is a plain label map.
export const replicationControllerPrinter = replicasPrinter(
  DOCS.ReplicationControllerSpec,
  DOCS.ReplicationControllerStatus,
  (selector) => formatLabels(stringMap(selector)),
);

export const daemonSetPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', DOCS.DaemonSetStatus.desiredNumberScheduled),
    column('Current', 'integer', DOCS.DaemonSetStatus.currentNumberScheduled),
    column('Ready', 'integer', DOCS.DaemonSetStatus.numberReady),
    column('Up-to-date', 'integer', DOCS.DaemonSetStatus.updatedNumberScheduled),
    column('Available', 'integer', DOCS.DaemonSetStatus.numberAvailable),
    column('Node Selector', 'string', DOCS.PodSpec.nodeSelector),
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    column('Selector', 'string', DOCS.DaemonSetSpec.selector, { priority: 1 }),
  ],
  print(daemonSet, { now }) {
    const spec = recordAt(daemonSet, 'spec');
    const status = recordAt(daemonSet, 'status');
    return {
      cells: [
        daemonSet.metadata.name ?? '',
        int(status.desiredNumberScheduled),
        int(status.currentNumberScheduled),
        int(status.numberReady),
        int(status.updatedNumberScheduled),
        int(status.numberAvailable),
        formatLabels(stringMap(recordAt(spec, 'template', 'spec').nodeSelector)),
        translateTimestampSince(daemonSet.metadata.creationTimestamp, now),
        ...layoutContainerCells(templateContainers(daemonSet)),
        formatLabelSelector(spec.selector),
      ],
    };
  },
};

export const statefulSetPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
  ],
  print(statefulSet, { now }) {
    const spec = recordAt(statefulSet, 'spec');
    const status = recordAt(statefulSet, 'status');
    return {
      cells: [
        statefulSet.metadata.name ?? '',
        `${int(status.readyReplicas)}/${int(spec.replicas)}`,
        translateTimestampSince(statefulSet.metadata.creationTimestamp, now),
        ...layoutContainerCells(templateContainers(statefulSet)),
      ],
    };
  },
};

/** formatResourceName(gvk.GroupKind(), name, true): `daemonset.apps/web`. */
function controllerName(ownerReferences: unknown): string {
  const owner = records(ownerReferences).find((reference) => reference.controller === true);
  if (!owner) return '<none>';
  const apiVersion = str(owner.apiVersion);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = str(owner.kind);
  if (!kind && !group) return str(owner.name);
  return `${(group ? `${kind}.${group}` : kind).toLowerCase()}/${str(owner.name)}`;
}

export const controllerRevisionPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('Controller', 'string', 'Controller of the object'),
    column('Revision', 'string', DOCS.ControllerRevision.revision),
    AGE_COLUMN,
  ],
  print(revision, { now }) {
    return {
      cells: [
        revision.metadata.name ?? '',
        controllerName(revision.metadata.ownerReferences),
        int(revision.revision),
        translateTimestampSince(revision.metadata.creationTimestamp, now),
      ],
    };
  },
};
