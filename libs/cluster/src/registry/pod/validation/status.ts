// ValidatePodStatusUpdate of pkg/apis/core/validation: condition types,
// nominated node, the immutable QoS class, terminated containers that may
// not run again, and pod / host IPs.
import { fieldErrors, FieldPath, goValue, type FieldError } from '../../../api/field-errors';
import { isRecord, type KubeObject } from '../../../api/objects';
import { nameIsDNSSubdomain } from '../../../api/validation/names';
import { parseIPSloppy, isIPv4Bytes } from '../../../api/validation/ip';
import { int, record, records, text, type JsonRecord } from '../json';
import { validateIP, validateQualifiedName } from './common';

const SYSTEM_CONDITIONS = ['PodScheduled', 'Ready', 'Initialized'];
const STATUS = FieldPath.root('status');

export function validatePodStatusUpdate(pod: Readonly<KubeObject>, old: Readonly<KubeObject>): FieldError[] {
  const status = record(pod.status);
  const oldStatus = record(old.status);
  const errors: FieldError[] = [];
  // Go reports condition types under metadata, with a capital T.
  records(status.conditions).forEach((condition, index) => {
    const type = text(condition.type);
    if (!SYSTEM_CONDITIONS.includes(type)) {
      errors.push(
        ...validateQualifiedName(type, FieldPath.root('metadata').child('conditions').index(index).child('Type')),
      );
    }
  });
  if (text(record(pod.spec).nodeName) !== text(record(old.spec).nodeName)) {
    errors.push(fieldErrors.forbidden(String(STATUS.child('nodeName')), 'may not be changed directly'));
  }
  const nominated = text(status.nominatedNodeName);
  if (nominated && nominated !== text(oldStatus.nominatedNodeName)) {
    for (const message of nameIsDNSSubdomain(nominated, false)) {
      errors.push(fieldErrors.invalid(String(STATUS.child('nominatedNodeName')), nominated, message));
    }
  }
  const qos = text(status.qosClass);
  if (qos !== text(oldStatus.qosClass))
    errors.push(fieldErrors.invalid(String(STATUS.child('qosClass')), qos, 'field is immutable'));
  const restartPolicy = text(record(old.spec).restartPolicy);
  errors.push(
    ...validateStateTransitions(
      records(status.containerStatuses),
      records(oldStatus.containerStatuses),
      restartPolicy,
      STATUS.child('containerStatuses'),
    ),
  );
  errors.push(...validatePodIPs(records(status.podIPs)));
  errors.push(...validateHostIPs(status));
  return errors;
}

/** ValidateContainerStateTransition: a terminated container that will not restart stays terminated. */
function validateStateTransitions(
  updated: JsonRecord[],
  old: JsonRecord[],
  restartPolicy: string,
  path: FieldPath,
): FieldError[] {
  if (restartPolicy === 'Always') return [];
  const errors: FieldError[] = [];
  old.forEach((previous, index) => {
    const terminated = record(previous.state).terminated;
    if (!isRecord(terminated)) return;
    if (int(terminated.exitCode) !== 0 && restartPolicy === 'OnFailure') return;
    for (const current of updated) {
      if (text(current.name) === text(previous.name) && !isRecord(record(current.state).terminated)) {
        errors.push(
          fieldErrors.forbidden(
            String(path.index(index).child('state')),
            'may not be transitioned to non-terminated state',
          ),
        );
      }
    }
  });
  return errors;
}

function familiesOf(ips: string[]): { v4: number; v6: number } {
  let v4 = 0;
  let v6 = 0;
  for (const ip of ips) {
    const bytes = parseIPSloppy(ip);
    if (!bytes) continue;
    if (isIPv4Bytes(bytes)) v4++;
    else v6++;
  }
  return { v4, v6 };
}

function goIPList(type: string, ips: string[]): ReturnType<typeof goValue> {
  return goValue(`[]core.${type}{${ips.map((ip) => `core.${type}{IP:"${ip}"}`).join(', ')}}`);
}

function validatePodIPs(entries: JsonRecord[]): FieldError[] {
  const path = STATUS.child('podIPs');
  const ips = entries.map((entry) => text(entry.ip));
  const errors: FieldError[] = [];
  ips.forEach((ip, index) => errors.push(...validateIP(ip, path.index(index))));
  if (ips.length > 1) {
    const families = familiesOf(ips);
    if (families.v4 !== 1 || families.v6 !== 1 || ips.length > 2) {
      errors.push(
        fieldErrors.invalid(String(path), goIPList('PodIP', ips), 'may specify no more than one IP for each IP family'),
      );
    }
    const seen = new Set<string>();
    ips.forEach((ip, index) => {
      if (seen.has(ip))
        errors.push(fieldErrors.duplicate(String(path.index(index)), goValue(`core.PodIP{IP:"${ip}"}`)));
      seen.add(ip);
    });
  }
  return errors;
}

function validateHostIPs(status: JsonRecord): FieldError[] {
  const entries = records(status.hostIPs);
  if (entries.length === 0) return [];
  const path = STATUS.child('hostIPs');
  const ips = entries.map((entry) => text(entry.ip));
  const errors: FieldError[] = [];
  if (text(status.hostIP) !== ips[0]) {
    errors.push(fieldErrors.invalid(String(path.index(0).child('ip')), ips[0] ?? '', 'must be equal to `hostIP`'));
  }
  ips.forEach((ip, index) => errors.push(...validateIP(ip, path.index(index))));
  if (ips.length > 1) {
    const families = familiesOf(ips);
    if (families.v4 !== 1 || families.v6 !== 1 || ips.length > 2) {
      errors.push(
        fieldErrors.invalid(
          String(path),
          goIPList('HostIP', ips),
          'may specify no more than one IP for each IP family',
        ),
      );
    }
  }
  return errors;
}
