// ValidateService / ValidateServiceUpdate / ValidateServiceStatusUpdate
// (pkg/apis/core/validation): the Service's own fields, in the order the
// API server reports them. Object metadata is validated by the pipeline.
import { fieldErrors, type FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/objects';
import { goOptional, goServicePortKey } from './go-values';
import { specialIpReasons } from './ip-address';
import {
  cidrErrors,
  dns1123SubdomainErrors,
  ipErrors,
  labelsErrors,
  portNumErrors,
  qualifiedNameErrors,
} from './name-checks';
import { validateLoadBalancerStatus } from './validation-status';
import {
  validateClusterIPsRelatedFields,
  validateUpgradeDowngradeClusterIPs,
  validateUpgradeDowngradeIPFamilies,
} from './validation-cluster-ips';
import { validateServicePort } from './validation-ports';
import {
  externallyAccessible,
  isHeadless,
  MAX_CLIENT_IP_AFFINITY_SECONDS,
  needsHealthCheck,
  ServiceType,
  statusOf,
  storedSpec,
  type ServiceSpecJson,
} from './service-json';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const KUBELET_PORT = 10250;
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export function validateService(object: Readonly<KubeObject>): FieldError[] {
  const spec = storedSpec(object);
  const annotations = object.metadata.annotations ?? {};
  const errors: FieldError[] = [];
  const mode = annotations[TOPOLOGY_MODE];
  const hints = annotations[TOPOLOGY_HINTS];
  if (mode !== undefined && hints !== undefined && mode !== hints) {
    errors.push(
      fieldErrors.invalid(
        `metadata.annotations[${TOPOLOGY_MODE}]`,
        mode,
        `must match annotations[${TOPOLOGY_HINTS}] when both are specified`,
      ),
    );
  }
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(spec) && spec.type !== ServiceType.ExternalName) {
    errors.push(fieldErrors.required('spec.ports'));
  }
  errors.push(...validateTypeSpecifics(spec));

  const names = new Set<string>();
  ports.forEach((port, index) =>
    errors.push(...validateServicePort(port, ports.length > 1, names, `spec.ports[${index}]`)),
  );
  if (spec.selector !== undefined) errors.push(...labelsErrors(spec.selector, 'spec.selector'));
  errors.push(...validateSessionAffinity(spec));
  errors.push(...validateClusterIPsRelatedFields(spec));
  (spec.externalIPs ?? []).forEach((ip, index) => {
    const path = `spec.externalIPs[${index}]`;
    const invalid = ipErrors(ip);
    const reasons = invalid.length ? invalid : specialIpReasons(ip);
    for (const reason of reasons) errors.push(fieldErrors.invalid(path, ip, reason));
  });
  if (spec.type === undefined) errors.push(fieldErrors.required('spec.type'));
  else if (!SERVICE_TYPES.includes(spec.type))
    errors.push(fieldErrors.notSupported('spec.type', spec.type, SERVICE_TYPES));
  if (spec.type === ServiceType.ClusterIP) {
    ports.forEach((port, index) => {
      if (port.nodePort)
        errors.push(
          fieldErrors.forbidden(`spec.ports[${index}].nodePort`, "may not be used when `type` is 'ClusterIP'"),
        );
    });
  }
  errors.push(...validateDuplicatePorts(spec));
  errors.push(...validateSourceRanges(spec, annotations));
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== ServiceType.LoadBalancer) {
    errors.push(
      fieldErrors.forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"),
    );
  }
  if (spec.type === ServiceType.LoadBalancer && spec.allocateLoadBalancerNodePorts === undefined) {
    // The real server reports this one without the `spec.` prefix.
    errors.push(fieldErrors.required('allocateLoadBalancerNodePorts'));
  }
  errors.push(...validateLoadBalancerClass(undefined, spec));
  errors.push(...validateExternalTrafficPolicy(spec));
  errors.push(...validateInternalTrafficPolicy(spec));
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== 'PreferClose') {
    errors.push(fieldErrors.notSupported('spec.trafficDistribution', spec.trafficDistribution, ['PreferClose']));
  }
  return errors;
}

function validateTypeSpecifics(spec: Readonly<ServiceSpecJson>): FieldError[] {
  const errors: FieldError[] = [];
  const ports = spec.ports ?? [];
  switch (spec.type) {
    case ServiceType.LoadBalancer:
      ports.forEach((port, index) => {
        if (port.port === KUBELET_PORT) {
          const detail = `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`;
          errors.push(fieldErrors.invalid(`spec.ports[${index}]`, port.port, detail));
        }
      });
      if (isHeadless(spec)) {
        errors.push(
          fieldErrors.invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"),
        );
      }
      break;
    case ServiceType.NodePort:
      if (isHeadless(spec)) {
        errors.push(
          fieldErrors.invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"),
        );
      }
      break;
    case ServiceType.ExternalName: {
      const forbidden = 'may not be set for ExternalName services';
      if ((spec.clusterIPs ?? []).length > 0) errors.push(fieldErrors.forbidden('spec.clusterIPs', forbidden));
      if ((spec.ipFamilies ?? []).length > 0) errors.push(fieldErrors.forbidden('spec.ipFamilies', forbidden));
      if (spec.ipFamilyPolicy !== undefined) errors.push(fieldErrors.forbidden('spec.ipFamilyPolicy', forbidden));
      // A CNAME may end with a dot to mark it fully qualified.
      const cname = (spec.externalName ?? '').replace(/\.$/, '');
      if (cname) {
        for (const message of dns1123SubdomainErrors(cname)) {
          errors.push(fieldErrors.invalid('spec.externalName', cname, message));
        }
      } else errors.push(fieldErrors.required('spec.externalName'));
      break;
    }
  }
  return errors;
}

function validateSessionAffinity(spec: Readonly<ServiceSpecJson>): FieldError[] {
  const affinity = spec.sessionAffinity;
  if (affinity === undefined) return [fieldErrors.required('spec.sessionAffinity')];
  if (!SESSION_AFFINITIES.includes(affinity)) {
    return [fieldErrors.notSupported('spec.sessionAffinity', affinity, SESSION_AFFINITIES)];
  }
  const path = 'spec.sessionAffinityConfig';
  const config = spec.sessionAffinityConfig;
  if (affinity === 'None') {
    return config ? [fieldErrors.forbidden(path, 'must not be set when session affinity is None')] : [];
  }
  const when = 'when session affinity type is ClientIP';
  if (!config) return [fieldErrors.required(path, when)];
  if (!config.clientIP) return [fieldErrors.required(`${path}.clientIP`, when)];
  const timeout = config.clientIP.timeoutSeconds;
  if (timeout === undefined) return [fieldErrors.required(`${path}.clientIP.timeoutSeconds`, when)];
  if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
    const detail = `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`;
    return [fieldErrors.invalid(`${path}.clientIP.timeoutSeconds`, timeout, detail)];
  }
  return [];
}

function validateDuplicatePorts(spec: Readonly<ServiceSpecJson>): FieldError[] {
  const errors: FieldError[] = [];
  const ports = spec.ports ?? [];
  const nodePorts = new Set<string>();
  ports.forEach((port, index) => {
    if (!port.nodePort) return;
    const key = `${port.protocol ?? ''}/${port.nodePort}`;
    if (nodePorts.has(key)) errors.push(fieldErrors.duplicate(`spec.ports[${index}].nodePort`, port.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((port, index) => {
    const key = `${port.protocol ?? ''}/${port.port ?? 0}`;
    if (seen.has(key)) {
      errors.push(fieldErrors.duplicate(`spec.ports[${index}]`, goServicePortKey(port.protocol ?? '', port.port ?? 0)));
    }
    seen.add(key);
  });
  return errors;
}

function validateSourceRanges(spec: Readonly<ServiceSpecJson>, annotations: Record<string, string>): FieldError[] {
  const errors: FieldError[] = [];
  const onlyLoadBalancer = "may only be used when `type` is 'LoadBalancer'";
  const ranges = spec.loadBalancerSourceRanges ?? [];
  if (ranges.length > 0) {
    // The real server spells this path with a capital L.
    const path = 'spec.LoadBalancerSourceRanges';
    if (spec.type !== ServiceType.LoadBalancer) errors.push(fieldErrors.forbidden(path, onlyLoadBalancer));
    ranges.forEach((range, index) => {
      const value = range.trim();
      for (const message of cidrErrors(value)) errors.push(fieldErrors.invalid(`${path}[${index}]`, value, message));
    });
    return errors;
  }
  const annotation = annotations[SOURCE_RANGES_ANNOTATION];
  if (annotation === undefined) return errors;
  const path = `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`;
  if (spec.type !== ServiceType.LoadBalancer) errors.push(fieldErrors.forbidden(path, onlyLoadBalancer));
  const value = annotation.trim();
  if (value) {
    for (const range of value.split(',')) {
      for (const message of cidrErrors(range.trim())) errors.push(fieldErrors.invalid(path, range.trim(), message));
    }
  }
  return errors;
}

export function validateLoadBalancerClass(
  old: Readonly<ServiceSpecJson> | undefined,
  spec: Readonly<ServiceSpecJson>,
): FieldError[] {
  const errors: FieldError[] = [];
  const path = 'spec.loadBalancerClass';
  const isLoadBalancer = spec.type === ServiceType.LoadBalancer;
  if (old?.type === ServiceType.LoadBalancer && isLoadBalancer && old.loadBalancerClass !== spec.loadBalancerClass) {
    errors.push(fieldErrors.invalid(path, goOptional(spec.loadBalancerClass), 'may not change once set'));
  }
  if (spec.loadBalancerClass === undefined) return errors;
  if (isLoadBalancer) {
    for (const message of qualifiedNameErrors(spec.loadBalancerClass)) {
      errors.push(fieldErrors.invalid(path, spec.loadBalancerClass, message));
    }
  } else errors.push(fieldErrors.forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
  return errors;
}

function validateExternalTrafficPolicy(spec: Readonly<ServiceSpecJson>): FieldError[] {
  const errors: FieldError[] = [];
  const policy = spec.externalTrafficPolicy;
  if (!externallyAccessible(spec)) {
    if (policy !== undefined) {
      errors.push(
        fieldErrors.invalid('spec.externalTrafficPolicy', policy, 'may only be set for externally-accessible services'),
      );
    }
  } else if (policy === undefined) errors.push(fieldErrors.required('spec.externalTrafficPolicy'));
  else if (!TRAFFIC_POLICIES.includes(policy)) {
    errors.push(fieldErrors.notSupported('spec.externalTrafficPolicy', policy, TRAFFIC_POLICIES));
  }
  const healthCheck = spec.healthCheckNodePort ?? 0;
  const path = 'spec.healthCheckNodePort';
  if (!needsHealthCheck(spec)) {
    if (healthCheck !== 0) {
      const detail = "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'";
      errors.push(fieldErrors.invalid(path, healthCheck, detail));
    }
  } else if (healthCheck === 0) errors.push(fieldErrors.required(path));
  else for (const message of portNumErrors(healthCheck)) errors.push(fieldErrors.invalid(path, healthCheck, message));
  return errors;
}

function validateInternalTrafficPolicy(spec: Readonly<ServiceSpecJson>): FieldError[] {
  const policy = spec.internalTrafficPolicy;
  const path = 'spec.internalTrafficPolicy';
  if (policy === undefined) {
    const required =
      spec.type === ServiceType.NodePort ||
      spec.type === ServiceType.LoadBalancer ||
      spec.type === ServiceType.ClusterIP;
    return required ? [fieldErrors.required(path)] : [];
  }
  return TRAFFIC_POLICIES.includes(policy) ? [] : [fieldErrors.notSupported(path, policy, TRAFFIC_POLICIES)];
}

export function validateServiceUpdate(object: Readonly<KubeObject>, old: Readonly<KubeObject>): FieldError[] {
  const spec = storedSpec(object);
  const previous = storedSpec(old);
  const errors = [
    ...validateUpgradeDowngradeClusterIPs(previous, spec),
    ...validateUpgradeDowngradeIPFamilies(previous, spec),
    ...validateLoadBalancerClass(previous, spec),
  ];
  if (
    needsHealthCheck(previous) &&
    needsHealthCheck(spec) &&
    previous.healthCheckNodePort !== spec.healthCheckNodePort
  ) {
    errors.push(fieldErrors.forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  return [...errors, ...validateService(object)];
}

export function validateServiceStatusUpdate(object: Readonly<KubeObject>): FieldError[] {
  return validateLoadBalancerStatus(statusOf(object), storedSpec(object));
}
