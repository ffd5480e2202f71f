// ValidateLoadBalancerStatus: what a load-balancer controller may write to
// status.loadBalancer.
import { fieldErrors, type FieldError } from '../../api/field-errors';
import { isValidIpAddress } from './ip-address';
import { dns1123SubdomainErrors, ipErrors } from './name-checks';
import { ServiceType, type ServiceSpecJson, type ServiceStatusJson } from './service-json';

const IP_MODES = ['Proxy', 'VIP'];

export function validateLoadBalancerStatus(
  status: Readonly<ServiceStatusJson>,
  spec: Readonly<ServiceSpecJson>,
): FieldError[] {
  const ingress = status.loadBalancer?.ingress ?? [];
  const path = 'status.loadBalancer.ingress';
  // AllowServiceLBStatusOnNonLB is off in 1.32.
  if (spec.type !== ServiceType.LoadBalancer && ingress.length !== 0) {
    return [fieldErrors.forbidden(path, "may only be used when `spec.type` is 'LoadBalancer'")];
  }
  const errors: FieldError[] = [];
  ingress.forEach((entry, index) => {
    const at = `${path}[${index}]`;
    for (const message of entry.ip ? ipErrors(entry.ip) : [])
      errors.push(fieldErrors.invalid(`${at}.ip`, entry.ip, message));
    if (entry.ipMode === undefined) {
      if (entry.ip) errors.push(fieldErrors.required(`${at}.ipMode`, 'must be specified when `ip` is set'));
    } else if (!entry.ip) {
      errors.push(fieldErrors.forbidden(`${at}.ipMode`, 'may not be specified when `ip` is not set'));
    } else if (!IP_MODES.includes(entry.ipMode)) {
      errors.push(fieldErrors.notSupported(`${at}.ipMode`, entry.ipMode, IP_MODES));
    }
    if (entry.hostname) {
      for (const message of dns1123SubdomainErrors(entry.hostname)) {
        errors.push(fieldErrors.invalid(`${at}.hostname`, entry.hostname, message));
      }
      if (isValidIpAddress(entry.hostname)) {
        errors.push(fieldErrors.invalid(`${at}.hostname`, entry.hostname, 'must be a DNS name, not an IP address'));
      }
    }
  });
  return errors;
}
