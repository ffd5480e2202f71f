// The dual-stack fields of a Service: clusterIP(s), ipFamilies,
// ipFamilyPolicy (ValidateServiceClusterIPsRelatedFields and the
// upgrade/downgrade checks of ValidateServiceUpdate).
import { fieldErrors, goStringSlice, type FieldError } from '../../api/field-errors';
import { goOptional } from './go-values';
import { familyOf } from './ip-address';
import { ipErrors } from './name-checks';
import {
  ClusterIPNone,
  IPv4,
  IPv6,
  isHeadless,
  PreferDualStack,
  RequireDualStack,
  ServiceType,
  SingleStack,
  type ServiceSpecJson,
} from './service-json';

const SUPPORTED_FAMILIES = [IPv4, IPv6];
const SUPPORTED_POLICIES = [PreferDualStack, RequireDualStack, SingleStack];

const CLUSTER_IPS = 'spec.clusterIPs';
const IP_FAMILIES = 'spec.ipFamilies';
const IP_FAMILY_POLICY = 'spec.ipFamilyPolicy';

export function validateClusterIPsRelatedFields(spec: Readonly<ServiceSpecJson>): FieldError[] {
  if (spec.type === ServiceType.ExternalName) return [];
  const errors: FieldError[] = [];
  const clusterIPs = spec.clusterIPs;
  const ips = clusterIPs ?? [];
  if (spec.clusterIP) {
    if (ips.length === 0) errors.push(fieldErrors.required(CLUSTER_IPS));
    else if (ips[0] !== spec.clusterIP) {
      errors.push(fieldErrors.invalid(CLUSTER_IPS, goStringSlice(clusterIPs), 'first value must match `clusterIP`'));
    }
  } else if (ips.length !== 0) {
    errors.push(
      fieldErrors.invalid(CLUSTER_IPS, goStringSlice(clusterIPs), 'must be empty when `clusterIP` is not specified'),
    );
  }

  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((family, index) => {
    const path = `${IP_FAMILIES}[${index}]`;
    if (!SUPPORTED_FAMILIES.includes(family)) errors.push(fieldErrors.notSupported(path, family, SUPPORTED_FAMILIES));
    if (seen.has(family)) errors.push(fieldErrors.duplicate(path, family));
    seen.add(family);
  });

  if (spec.ipFamilyPolicy !== undefined && !SUPPORTED_POLICIES.includes(spec.ipFamilyPolicy)) {
    errors.push(fieldErrors.notSupported(IP_FAMILY_POLICY, spec.ipFamilyPolicy, SUPPORTED_POLICIES));
  }

  let hasInvalidIPs = false;
  ips.forEach((ip, index) => {
    if (index === 0 && ip === ClusterIPNone) {
      if (ips.length > 1) {
        hasInvalidIPs = true;
        errors.push(
          fieldErrors.invalid(CLUSTER_IPS, goStringSlice(clusterIPs), "'None' must be the first and only value"),
        );
      }
      return;
    }
    const messages = ipErrors(ip);
    if (messages.length) hasInvalidIPs = true;
    for (const message of messages) errors.push(fieldErrors.invalid(`${CLUSTER_IPS}[${index}]`, ip, message));
  });
  if (ips.length > 2)
    errors.push(fieldErrors.invalid(CLUSTER_IPS, goStringSlice(clusterIPs), 'may only hold up to 2 values'));
  // Bad addresses would skew the checks below.
  if (hasInvalidIPs) return errors;

  if (ips.length > 1) {
    const families = new Set(ips.map(familyOf));
    const dualStack = ips.length === 2 && families.has(IPv4) && families.has(IPv6);
    if (!dualStack) {
      errors.push(
        fieldErrors.invalid(
          CLUSTER_IPS,
          goStringSlice(clusterIPs),
          'may specify no more than one IP for each IP family',
        ),
      );
    }
  }

  const families = spec.ipFamilies ?? [];
  if (!isHeadless(spec) && ips.length > 0 && families.length > 0) {
    ips.forEach((ip, index) => {
      if (index > families.length - 1) return;
      const family = familyOf(ip);
      if (families[index] === IPv4 && family === IPv6) {
        errors.push(
          fieldErrors.invalid(
            `${CLUSTER_IPS}[${index}]`,
            ip,
            `expected an IPv4 value as indicated by \`ipFamilies[${index}]\``,
          ),
        );
      }
      if (families[index] === IPv6 && family !== IPv6) {
        errors.push(
          fieldErrors.invalid(
            `${CLUSTER_IPS}[${index}]`,
            ip,
            `expected an IPv6 value as indicated by \`ipFamilies[${index}]\``,
          ),
        );
      }
    });
  }
  return errors;
}

/** ClusterIPs may grow or shrink by the secondary address, never change. */
export function validateUpgradeDowngradeClusterIPs(
  old: Readonly<ServiceSpecJson>,
  spec: Readonly<ServiceSpecJson>,
): FieldError[] {
  if (spec.type === ServiceType.ExternalName || old.type === ServiceType.ExternalName) return [];
  if (isHeadless(old) && isHeadless(spec)) return [];
  const errors: FieldError[] = [];
  const oldIPs = old.clusterIPs ?? [];
  const newIPs = spec.clusterIPs ?? [];
  const value = goStringSlice(spec.clusterIPs);
  const first = `${CLUSTER_IPS}[0]`;
  if (oldIPs.length === newIPs.length) {
    oldIPs.forEach((ip, index) => {
      if (ip !== newIPs[index])
        errors.push(fieldErrors.invalid(`${CLUSTER_IPS}[${index}]`, value, 'may not change once set'));
    });
  } else if (oldIPs.length > newIPs.length) {
    if (newIPs.length === 0) errors.push(fieldErrors.invalid(first, value, 'primary clusterIP can not be unset'));
    if (oldIPs.length > 0 && newIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
      errors.push(fieldErrors.invalid(first, value, 'may not change once set'));
    }
    if (newIPs.length === 1 && spec.ipFamilyPolicy !== SingleStack) {
      errors.push(
        fieldErrors.invalid(
          IP_FAMILY_POLICY,
          goOptional(spec.ipFamilyPolicy),
          "must be set to 'SingleStack' when releasing the secondary clusterIP",
        ),
      );
    }
  } else if (oldIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
    errors.push(fieldErrors.invalid(first, value, 'may not change once set'));
  }
  return errors;
}

/** The primary IP family never changes (headless Services excepted). */
export function validateUpgradeDowngradeIPFamilies(
  old: Readonly<ServiceSpecJson>,
  spec: Readonly<ServiceSpecJson>,
): FieldError[] {
  if (spec.type === ServiceType.ExternalName || old.type === ServiceType.ExternalName) return [];
  if (isHeadless(spec) !== isHeadless(old) || isHeadless(spec)) return [];
  const errors: FieldError[] = [];
  const oldFamilies = old.ipFamilies ?? [];
  const newFamilies = spec.ipFamilies ?? [];
  const first = `${IP_FAMILIES}[0]`;
  if (oldFamilies.length === newFamilies.length) {
    oldFamilies.forEach((family, index) => {
      if (family !== newFamilies[index]) {
        errors.push(
          fieldErrors.invalid(first, goStringSlice(spec.ipFamilies, '[]core.IPFamily'), 'may not change once set'),
        );
      }
    });
  } else if (oldFamilies.length > newFamilies.length) {
    if ((spec.clusterIPs ?? []).length === 0) {
      errors.push(
        fieldErrors.invalid(
          first,
          goStringSlice(spec.ipFamilies, '[]core.IPFamily'),
          'primary ipFamily can not be unset',
        ),
      );
    }
    if (newFamilies.length > 0 && newFamilies[0] !== oldFamilies[0]) {
      errors.push(fieldErrors.invalid(first, goStringSlice(spec.clusterIPs), 'may not change once set'));
    }
    if (newFamilies.length === 1 && spec.ipFamilyPolicy !== SingleStack) {
      errors.push(
        fieldErrors.invalid(
          IP_FAMILY_POLICY,
          goOptional(spec.ipFamilyPolicy),
          "must be set to 'SingleStack' when releasing the secondary ipFamily",
        ),
      );
    }
  } else if (oldFamilies.length > 0 && newFamilies.length > 0 && newFamilies[0] !== oldFamilies[0]) {
    errors.push(fieldErrors.invalid(first, goStringSlice(spec.clusterIPs), 'may not change once set'));
  }
  return errors;
}
