// Containers of a pod spec: validateContainers, validateInitContainers,
// validateContainerCommon and its parts (ports, mounts, pull policy,
// security context) and the host port conflict check.
import { fieldErrors, type FieldError, type FieldPath } from '../../../api/field-errors';
import { isRecord } from '../../../api/objects';
import { isValidPortName, isValidPortNum } from '../../../api/validation/names';
import { int, records, text, type JsonRecord } from '../json';
import { rangeError, validateDNS1123Label, validateEnum, validateLocalDescendingPath } from './common';
import { validateEnv, validateEnvFrom } from './downward-api';
import { validateLifecycle, validateProbe } from './probes';
import { validateResourceRequirements } from './resources';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const MAX_INT32 = 2147483647;

export interface ContainerContext {
  /** Names of the valid volumes. */
  volumes: ReadonlySet<string>;
  gracePeriod: number | undefined;
}

/** The lifecycle hooks, then the liveness, readiness and startup probes of a container that keeps running. */
function validateLifecycleAndProbes(
  container: JsonRecord,
  gracePeriod: number | undefined,
  path: FieldPath,
): FieldError[] {
  return [
    ...(isRecord(container.lifecycle)
      ? validateLifecycle(container.lifecycle, gracePeriod, path.child('lifecycle'))
      : []),
    ...validateProbe(container.livenessProbe, 'liveness', gracePeriod, path.child('livenessProbe')),
    ...validateProbe(container.readinessProbe, 'readiness', gracePeriod, path.child('readinessProbe')),
    ...validateProbe(container.startupProbe, 'startup', gracePeriod, path.child('startupProbe')),
  ];
}

export function validateContainers(containers: JsonRecord[], context: ContainerContext, path: FieldPath): FieldError[] {
  if (containers.length === 0) return [fieldErrors.required(String(path))];
  const errors: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((container, index) => {
    const containerPath = path.index(index);
    errors.push(...validateContainerCommon(container, context, containerPath));
    const name = text(container.name);
    if (names.has(name)) errors.push(fieldErrors.duplicate(String(containerPath.child('name')), name));
    else names.add(name);
    errors.push(...validateLifecycleAndProbes(container, context.gracePeriod, containerPath));
    if (container.restartPolicy !== undefined && container.restartPolicy !== null) {
      errors.push(
        fieldErrors.forbidden(String(containerPath.child('restartPolicy')), 'may not be set for non-init containers'),
      );
    }
  });
  errors.push(...hostPortConflicts(containers, path));
  return errors;
}

export function validateInitContainers(
  initContainers: JsonRecord[],
  regular: JsonRecord[],
  context: ContainerContext,
  path: FieldPath,
): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set(regular.map((container) => text(container.name)));
  initContainers.forEach((container, index) => {
    const containerPath = path.index(index);
    errors.push(...validateContainerCommon(container, context, containerPath));
    const restartPolicy = container.restartPolicy;
    const restartAlways = restartPolicy === 'Always';
    if (typeof restartPolicy === 'string' && !restartAlways) {
      errors.push(fieldErrors.notSupported(String(containerPath.child('restartPolicy')), restartPolicy, ['Always']));
    }
    const name = text(container.name);
    if (names.has(name)) errors.push(fieldErrors.duplicate(String(containerPath.child('name')), name));
    else if (name) names.add(name);
    errors.push(...hostPortConflicts([container], path));
    if (restartAlways) {
      errors.push(...validateLifecycleAndProbes(container, context.gracePeriod, containerPath));
    } else {
      for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (isRecord(container[field])) {
          errors.push(
            fieldErrors.forbidden(
              String(containerPath.child(field)),
              'may not be set for init containers without restartPolicy=Always',
            ),
          );
        }
      }
    }
  });
  return errors;
}

/** validateContainerCommon: what every kind of container must satisfy. */
export function validateContainerCommon(
  container: JsonRecord,
  context: ContainerContext,
  path: FieldPath,
): FieldError[] {
  const errors: FieldError[] = [];
  const name = text(container.name);
  if (!name) errors.push(fieldErrors.required(String(path.child('name'))));
  else errors.push(...validateDNS1123Label(name, path.child('name')));
  if (!text(container.image)) errors.push(fieldErrors.required(String(path.child('image'))));
  errors.push(
    ...validateEnum(text(container.terminationMessagePolicy), MESSAGE_POLICIES, path.child('terminationMessagePolicy')),
  );
  errors.push(...validateContainerPorts(records(container.ports), path.child('ports')));
  errors.push(...validateEnv(records(container.env), path.child('env')));
  errors.push(...validateEnvFrom(records(container.envFrom), path.child('envFrom')));
  errors.push(...validateVolumeMounts(container, context.volumes, path.child('volumeMounts')));
  errors.push(...validateVolumeDevices(records(container.volumeDevices), context.volumes, path.child('volumeDevices')));
  errors.push(...validateEnum(text(container.imagePullPolicy), PULL_POLICIES, path.child('imagePullPolicy')));
  errors.push(...validateResourceRequirements(container.resources, path.child('resources')));
  errors.push(...validateSecurityContext(container.securityContext, path.child('securityContext')));
  return errors;
}

function validateContainerPorts(ports: JsonRecord[], path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, index) => {
    const portPath = path.index(index);
    const name = text(port.name);
    if (name) {
      const messages = isValidPortName(name);
      if (messages.length)
        errors.push(...messages.map((message) => fieldErrors.invalid(String(portPath.child('name')), name, message)));
      else if (names.has(name)) errors.push(fieldErrors.duplicate(String(portPath.child('name')), name));
      else names.add(name);
    }
    const containerPort = int(port.containerPort);
    if (containerPort === 0) errors.push(fieldErrors.required(String(portPath.child('containerPort'))));
    else {
      for (const message of isValidPortNum(containerPort)) {
        errors.push(fieldErrors.invalid(String(portPath.child('containerPort')), containerPort, message));
      }
    }
    const hostPort = int(port.hostPort);
    if (hostPort !== 0) {
      for (const message of isValidPortNum(hostPort))
        errors.push(fieldErrors.invalid(String(portPath.child('hostPort')), hostPort, message));
    }
    const protocol = text(port.protocol);
    if (!protocol) errors.push(fieldErrors.required(String(portPath.child('protocol'))));
    else if (!PROTOCOLS.includes(protocol))
      errors.push(fieldErrors.notSupported(String(portPath.child('protocol')), protocol, PROTOCOLS));
  });
  return errors;
}

function validateVolumeMounts(container: JsonRecord, volumes: ReadonlySet<string>, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const devices = records(container.volumeDevices);
  const deviceNames = new Set(devices.map((device) => text(device.name)));
  const devicePaths = new Set(devices.map((device) => text(device.devicePath)));
  const mountPaths = new Set<string>();
  const privileged = isRecord(container.securityContext) && container.securityContext.privileged === true;
  records(container.volumeMounts).forEach((mount, index) => {
    const mountPath = path.index(index);
    const name = text(mount.name);
    const target = text(mount.mountPath);
    if (!name) errors.push(fieldErrors.required(String(mountPath.child('name'))));
    if (!volumes.has(name)) errors.push(fieldErrors.notFound(String(mountPath.child('name')), name));
    if (!target) errors.push(fieldErrors.required(String(mountPath.child('mountPath'))));
    if (mountPaths.has(target))
      errors.push(fieldErrors.invalid(String(mountPath.child('mountPath')), target, 'must be unique'));
    mountPaths.add(target);
    if (deviceNames.has(name)) {
      errors.push(
        fieldErrors.invalid(String(mountPath.child('name')), name, 'must not already exist in volumeDevices'),
      );
    }
    if (devicePaths.has(target)) {
      errors.push(
        fieldErrors.invalid(
          String(mountPath.child('mountPath')),
          target,
          'must not already exist as a path in volumeDevices',
        ),
      );
    }
    // Go reports the sub-path errors at the list's path, not the item's.
    const subPath = text(mount.subPath);
    const subPathExpr = text(mount.subPathExpr);
    if (subPath) errors.push(...validateLocalDescendingPath(subPath, path.child('subPath')));
    if (subPathExpr) {
      if (subPath) {
        errors.push(
          fieldErrors.invalid(
            String(mountPath.child('subPathExpr')),
            subPathExpr,
            'subPathExpr and subPath are mutually exclusive',
          ),
        );
      }
      errors.push(...validateLocalDescendingPath(subPathExpr, path.child('subPathExpr')));
    }
    const propagation = mount.mountPropagation;
    if (typeof propagation === 'string') {
      const at = String(path.child('mountPropagation'));
      if (!MOUNT_PROPAGATIONS.includes(propagation))
        errors.push(fieldErrors.notSupported(at, propagation, MOUNT_PROPAGATIONS));
      if (propagation === 'Bidirectional' && !privileged) {
        errors.push(
          fieldErrors.forbidden(at, 'Bidirectional mount propagation is available only to privileged containers'),
        );
      }
    }
    errors.push(...validateRecursiveReadOnly(mount, path.child('recursiveReadOnly')));
  });
  return errors;
}

function validateRecursiveReadOnly(mount: JsonRecord, path: FieldPath): FieldError[] {
  const value = mount.recursiveReadOnly;
  if (typeof value !== 'string' || value === 'Disabled') return [];
  if (value !== 'Enabled' && value !== 'IfPossible') {
    return [fieldErrors.notSupported(String(path), value, ['Disabled', 'Enabled', 'IfPossible'])];
  }
  const errors: FieldError[] = [];
  if (mount.readOnly !== true)
    errors.push(fieldErrors.forbidden(String(path), 'may only be specified when readOnly is true'));
  if (typeof mount.mountPropagation === 'string' && mount.mountPropagation !== 'None') {
    errors.push(
      fieldErrors.forbidden(String(path), 'may only be specified when mountPropagation is None or not specified'),
    );
  }
  return errors;
}

function validateVolumeDevices(devices: JsonRecord[], volumes: ReadonlySet<string>, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  devices.forEach((device, index) => {
    const devicePath = path.index(index);
    const name = text(device.name);
    if (!name) errors.push(fieldErrors.required(String(devicePath.child('name'))));
    if (!volumes.has(name)) errors.push(fieldErrors.notFound(String(devicePath.child('name')), name));
    if (!text(device.devicePath)) errors.push(fieldErrors.required(String(devicePath.child('devicePath'))));
  });
  return errors;
}

/** ValidateSecurityContext: the id ranges and proc mount types (privileged containers are allowed). */
function validateSecurityContext(context: unknown, path: FieldPath): FieldError[] {
  if (!isRecord(context)) return [];
  const errors: FieldError[] = [];
  for (const key of ['runAsUser', 'runAsGroup']) {
    const id = context[key];
    if (typeof id === 'number') errors.push(...rangeError(id, 0, MAX_INT32, path.child(key)));
  }
  const procMount = context.procMount;
  if (typeof procMount === 'string' && procMount !== 'Default' && procMount !== 'Unmasked') {
    errors.push(fieldErrors.notSupported(String(path.child('procMount')), procMount, ['Default', 'Unmasked']));
  }
  return errors;
}

/** AccumulateUniqueHostPorts: `protocol/hostIP/port` may appear once among the containers. */
function hostPortConflicts(containers: JsonRecord[], path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((container, index) => {
    records(container.ports).forEach((port, portIndex) => {
      const hostPort = int(port.hostPort);
      if (hostPort === 0) return;
      const key = `${text(port.protocol)}/${text(port.hostIP)}/${hostPort}`;
      if (seen.has(key))
        errors.push(
          fieldErrors.duplicate(String(path.index(index).child('ports').index(portIndex).child('hostPort')), key),
        );
      else seen.add(key);
    });
  });
  return errors;
}
