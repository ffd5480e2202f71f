// Pods: printPod's READY / STATUS / RESTARTS logic, including init and
// restartable (sidecar) init containers, and the wide IP / NODE columns.
import type { TableRowCondition } from '../../api/objects';
import { DOCS } from '../docs';
import { humanDuration, timestampMs, translateTimestampSince } from '../duration';
import { bool, int, optionalRecord, recordAt, records, str, type JsonRecord } from '../fields';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer } from '../printer';

const POD_SUCCESS_CONDITIONS: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
];
const POD_FAILED_CONDITIONS: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
];

/** node.NodeUnreachablePodReason */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

/** Restart counts and the latest lastState.terminated.finishedAt behind them. */
class RestartTally {
  count = 0;
  last: number | undefined;

  add(status: JsonRecord): void {
    this.count += int(status.restartCount);
    const terminated = optionalRecord(status, 'lastState', 'terminated');
    if (!terminated) return;
    // A missing finishedAt is Go's zero time, which is never after anything.
    const finishedAt = timestampMs(terminated.finishedAt);
    if (finishedAt !== undefined && (this.last === undefined || this.last < finishedAt)) this.last = finishedAt;
  }
}

function isRestartableInitContainer(container: JsonRecord | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function conditionStatus(status: JsonRecord, type: string): string | undefined {
  return records(status.conditions).find((condition) => condition.type === type)?.status as string | undefined;
}

function hasPodReadyCondition(status: JsonRecord): boolean {
  return records(status.conditions).some((condition) => condition.type === 'Ready' && condition.status === 'True');
}

function terminatedReason(terminated: JsonRecord, prefix: string): string {
  const reason = str(terminated.reason);
  if (reason) return prefix + reason;
  const signal = int(terminated.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${int(terminated.exitCode)}`;
}

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: string;
}

function summarize(pod: JsonRecord, now: number): PodSummary {
  const spec = recordAt(pod, 'spec');
  const status = recordAt(pod, 'status');
  const metadata = recordAt(pod, 'metadata');
  const phase = str(status.phase);
  let reason = str(status.reason) || phase;
  let ready = 0;
  let total = records(spec.containers).length;

  for (const condition of records(status.conditions)) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initSpecs = records(spec.initContainers);
  const initByName = new Map(initSpecs.map((container) => [str(container.name), container]));
  total += initSpecs.filter(isRestartableInitContainer).length;

  let all = new RestartTally();
  const sidecars = new RestartTally();
  let initializing = false;
  const initStatuses = records(status.initContainerStatuses);
  for (const [index, container] of initStatuses.entries()) {
    all.add(container);
    const restartable = isRestartableInitContainer(initByName.get(str(container.name)));
    if (restartable) sidecars.add(container);
    const state = recordAt(container, 'state');
    const terminated = optionalRecord(state, 'terminated');
    const waiting = optionalRecord(state, 'waiting');
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (restartable && bool(container.started)) {
      if (bool(container.ready)) ready++;
      continue;
    }
    // The first init container still at work decides the status.
    initializing = true;
    if (terminated) reason = terminatedReason(terminated, 'Init:');
    else if (waiting && str(waiting.reason) && waiting.reason !== 'PodInitializing')
      reason = `Init:${str(waiting.reason)}`;
    else reason = `Init:${index}/${initSpecs.length}`;
    break;
  }

  if (!initializing || conditionStatus(status, 'Initialized') === 'True') {
    // Regular containers' restarts count from here, plus the sidecars' only.
    all = sidecars;
    let hasRunning = false;
    const containerStatuses = records(status.containerStatuses);
    for (let i = containerStatuses.length - 1; i >= 0; i--) {
      const container = containerStatuses[i] ?? {};
      all.add(container);
      const state = recordAt(container, 'state');
      const terminated = optionalRecord(state, 'terminated');
      const waitingReason = str(optionalRecord(state, 'waiting')?.reason);
      if (waitingReason) reason = waitingReason;
      else if (terminated) reason = terminatedReason(terminated, '');
      else if (bool(container.ready) && optionalRecord(state, 'running')) {
        hasRunning = true;
        ready++;
      }
    }
    // A completed container beside a running one: the pod is still running.
    if (reason === 'Completed' && hasRunning) reason = hasPodReadyCondition(status) ? 'Running' : 'NotReady';
  }

  const deleting = timestampMs(metadata.deletionTimestamp) !== undefined;
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  const restarts =
    all.count !== 0 && all.last !== undefined
      ? `${all.count} (${humanDuration(now - all.last)} ago)`
      : String(all.count);
  return { ready, total, reason, restarts };
}

/** status.podIPs[0] after v1 conversion: a differing or lone status.podIP wins. */
function podIP(status: JsonRecord): string {
  return str(status.podIP) || str(records(status.podIPs)[0]?.ip);
}

function readinessGates(pod: JsonRecord): string {
  const gates = records(recordAt(pod, 'spec').readinessGates);
  if (gates.length === 0) return '<none>';
  const status = recordAt(pod, 'status');
  const trueConditions = gates.filter((gate) => conditionStatus(status, str(gate.conditionType)) === 'True').length;
  return `${trueConditions}/${gates.length}`;
}

export const podPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    AGE_COLUMN,
    column('IP', 'string', DOCS.PodStatus.podIP, { priority: 1 }),
    column('Node', 'string', DOCS.PodSpec.nodeName, { priority: 1 }),
    column('Nominated Node', 'string', DOCS.PodStatus.nominatedNodeName, { priority: 1 }),
    column('Readiness Gates', 'string', DOCS.PodSpec.readinessGates, { priority: 1 }),
  ],
  print(pod, { now }) {
    const { ready, total, reason, restarts } = summarize(pod, now);
    const status = recordAt(pod, 'status');
    const phase = str(status.phase);
    const cells = [
      pod.metadata.name ?? '',
      `${ready}/${total}`,
      reason,
      restarts,
      translateTimestampSince(pod.metadata.creationTimestamp, now),
      podIP(status) || '<none>',
      str(recordAt(pod, 'spec').nodeName) || '<none>',
      str(status.nominatedNodeName) || '<none>',
      readinessGates(pod),
    ];
    if (phase === 'Succeeded') return { cells, conditions: POD_SUCCESS_CONDITIONS.map((c) => ({ ...c })) };
    if (phase === 'Failed') return { cells, conditions: POD_FAILED_CONDITIONS.map((c) => ({ ...c })) };
    return { cells };
  },
};
