// ValidatePodSpec of pkg/apis/core/validation (Kubernetes 1.32), in Go's
// order: volumes, containers, init containers, host network ports, restart
// and DNS policies, node selector, security context, pull secrets,
// affinity, DNS config, gates, names, deadlines, tolerations, aliases.
import { fieldErrors, goQuote, goValue, type FieldError, type FieldPath } from '../../../api/field-errors';
import { isRecord } from '../../../api/objects';
import { validateLabels } from '../../../api/validation/labels';
import { nameIsDNSSubdomain, validateServiceAccountName } from '../../../api/validation/names';
import { int, records, strings, text, type JsonRecord } from '../json';
import {
  rangeError,
  validateDNS1123Label,
  validateEnum,
  validateIP,
  validateQualifiedName,
  type PodValidationOptions,
} from './common';
import { validateContainers, validateInitContainers } from './containers';
import { validateAffinity, validateDNSConfig, validateTolerations } from './scheduling';
import { validateVolumes } from './volumes';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const MAX_INT32 = 2147483647;

function invalidName(messages: string[], path: FieldPath, value: string): FieldError[] {
  return messages.map((message) => fieldErrors.invalid(String(path), value, message));
}

export function validatePodSpec(spec: JsonRecord, path: FieldPath, options: PodValidationOptions): FieldError[] {
  const errors: FieldError[] = [];
  const grace = spec.terminationGracePeriodSeconds;
  if (typeof grace !== 'number') errors.push(fieldErrors.required(String(path.child('terminationGracePeriodSeconds'))));
  const gracePeriod = typeof grace === 'number' ? grace : undefined;
  const volumes = validateVolumes(records(spec.volumes), path.child('volumes'));
  errors.push(...volumes.errors);
  const context = { volumes: volumes.names, gracePeriod };
  const containers = records(spec.containers);
  errors.push(...validateContainers(containers, context, path.child('containers')));
  errors.push(
    ...validateInitContainers(records(spec.initContainers), containers, context, path.child('initContainers')),
  );
  errors.push(...validateHostNetworkPorts(spec, path, options));
  errors.push(...validateEnum(text(spec.restartPolicy), RESTART_POLICIES, path.child('restartPolicy')));
  errors.push(...validateEnum(text(spec.dnsPolicy), DNS_POLICIES, path.child('dnsPolicy')));
  errors.push(...validateLabels(stringRecord(spec.nodeSelector), path.child('nodeSelector')));
  errors.push(...validatePodSecurityContext(spec.securityContext, path.child('securityContext')));
  errors.push(...validateImagePullSecrets(records(spec.imagePullSecrets), path.child('imagePullSecrets')));
  if (isRecord(spec.affinity)) errors.push(...validateAffinity(spec.affinity, path.child('affinity')));
  errors.push(...validateDNSConfig(spec.dnsConfig, text(spec.dnsPolicy), path.child('dnsConfig')));
  records(spec.readinessGates).forEach((gate, index) => {
    errors.push(
      ...validateQualifiedName(
        text(gate.conditionType),
        path.child('readinessGates').index(index).child('conditionType'),
      ),
    );
  });
  errors.push(...validateSchedulingGates(records(spec.schedulingGates), path.child('schedulingGates')));
  const serviceAccountName = text(spec.serviceAccountName);
  if (serviceAccountName) {
    errors.push(
      ...invalidName(
        validateServiceAccountName(serviceAccountName, false),
        path.child('serviceAccountName'),
        serviceAccountName,
      ),
    );
  }
  const nodeName = text(spec.nodeName);
  if (nodeName) errors.push(...invalidName(nameIsDNSSubdomain(nodeName, false), path.child('nodeName'), nodeName));
  if (typeof spec.activeDeadlineSeconds === 'number') {
    errors.push(...rangeError(spec.activeDeadlineSeconds, 1, MAX_INT32, path.child('activeDeadlineSeconds')));
  }
  const hostname = text(spec.hostname);
  if (hostname) errors.push(...validateDNS1123Label(hostname, path.child('hostname')));
  const subdomain = text(spec.subdomain);
  if (subdomain) errors.push(...validateDNS1123Label(subdomain, path.child('subdomain')));
  errors.push(...validateTolerations(records(spec.tolerations), path.child('tolerations')));
  errors.push(...validateHostAliases(records(spec.hostAliases), path.child('hostAliases')));
  const priorityClassName = text(spec.priorityClassName);
  if (priorityClassName) {
    errors.push(
      ...invalidName(nameIsDNSSubdomain(priorityClassName, false), path.child('priorityClassName'), priorityClassName),
    );
  }
  if (typeof spec.runtimeClassName === 'string') {
    errors.push(
      ...invalidName(
        nameIsDNSSubdomain(spec.runtimeClassName, false),
        path.child('runtimeClassName'),
        spec.runtimeClassName,
      ),
    );
  }
  if (typeof spec.preemptionPolicy === 'string') {
    errors.push(...validateEnum(spec.preemptionPolicy, PREEMPTION_POLICIES, path.child('preemptionPolicy')));
  }
  if (isRecord(spec.os)) errors.push(...validateOS(spec.os, path.child('os')));
  return errors;
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) map[key] = typeof item === 'string' ? item : String(item);
  return map;
}

/** validatePodHostNetworkDeps: with hostNetwork, host ports equal container ports. */
function validateHostNetworkPorts(spec: JsonRecord, path: FieldPath, options: PodValidationOptions): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errors: FieldError[] = [];
  records(spec.containers).forEach((container, index) => {
    records(container.ports).forEach((port, portIndex) => {
      const hostPort = int(port.hostPort);
      const containerPort = int(port.containerPort);
      if ((options.resourceIsPod || hostPort !== 0) && hostPort !== containerPort) {
        const at = path.child('containers').index(index).child('ports').index(portIndex).child('hostPort');
        errors.push(fieldErrors.invalid(String(at), hostPort, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errors;
}

function validatePodSecurityContext(context: unknown, path: FieldPath): FieldError[] {
  if (!isRecord(context)) return [];
  const errors: FieldError[] = [];
  for (const key of ['fsGroup', 'runAsUser', 'runAsGroup']) {
    const id = context[key];
    if (typeof id === 'number') errors.push(...rangeError(id, 0, MAX_INT32, path.child(key)));
  }
  (Array.isArray(context.supplementalGroups) ? context.supplementalGroups : []).forEach(
    (gid: unknown, index: number) => {
      if (typeof gid === 'number')
        errors.push(...rangeError(gid, 0, MAX_INT32, path.child('supplementalGroups').index(index)));
    },
  );
  const policy = context.fsGroupChangePolicy;
  if (typeof policy === 'string' && policy !== 'OnRootMismatch' && policy !== 'Always') {
    errors.push(
      fieldErrors.notSupported(String(path.child('fsGroupChangePolicy')), policy, ['Always', 'OnRootMismatch']),
    );
  }
  return errors;
}

function validateImagePullSecrets(secrets: JsonRecord[], path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  secrets.forEach((secret, index) => {
    if (Object.keys(secret).some((key) => key !== 'name')) {
      const rendered = goValue(`core.LocalObjectReference{Name:${goQuote(text(secret.name))}}`);
      errors.push(fieldErrors.invalid(String(path.index(index)), rendered, 'only name may be set'));
    }
  });
  return errors;
}

function validateSchedulingGates(gates: JsonRecord[], path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  gates.forEach((gate, index) => {
    const name = text(gate.name);
    errors.push(...validateQualifiedName(name, path.index(index)));
    if (seen.has(name)) errors.push(fieldErrors.duplicate(String(path.index(index)), name));
    seen.add(name);
  });
  return errors;
}

function validateHostAliases(aliases: JsonRecord[], path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  aliases.forEach((alias, index) => {
    const aliasPath = path.index(index);
    errors.push(...validateIP(text(alias.ip), aliasPath.child('ip')));
    strings(alias.hostnames).forEach((hostname, hostIndex) => {
      const at = aliasPath.child('hostnames').index(hostIndex);
      errors.push(...invalidName(nameIsDNSSubdomain(hostname, false), at, hostname));
    });
  });
  return errors;
}

function validateOS(os: JsonRecord, path: FieldPath): FieldError[] {
  const name = text(os.name);
  if (!name) return [fieldErrors.required(String(path.child('name')), 'cannot be empty')];
  return name === 'linux' || name === 'windows'
    ? []
    : [fieldErrors.notSupported(String(path), name, ['linux', 'windows'])];
}
