// initIPFamilyFields (service/storage/alloc.go): ipFamilyPolicy and
// ipFamilies defaulted against what the cluster is configured for, before
// any address is allocated. This cluster is single-stack IPv4, like kubeadm's.
import { apiErrors } from '../../api/errors';
import { fieldErrors, goStringSlice, type FieldError } from '../../api/field-errors';
import { goOptional } from './go-values';
import { familyOf } from './ip-address';
import {
  ClusterIPNone,
  IPv4,
  IPv6,
  PreferDualStack,
  RequireDualStack,
  sameStrings,
  ServiceType,
  SingleStack,
  type ServiceSpecJson,
} from './service-json';
import { validateClusterIPsRelatedFields } from './validation-cluster-ips';

const SERVICE_KIND = { group: '', kind: 'Service' };

/** The families the service CIDR flags configure, primary first. */
const CONFIGURED_FAMILIES: readonly string[] = [IPv4];

function invalid(name: string, errors: FieldError[]): never {
  throw apiErrors.invalid(SERVICE_KIND, name, errors);
}

/** Both PreferDualStack and unchanged: leave them as they are (no silent up/downgrade). */
function isMatchingPreferDualStack(
  spec: Readonly<ServiceSpecJson>,
  old: Readonly<ServiceSpecJson> | undefined,
): boolean {
  if (!old || spec.ipFamilyPolicy === undefined || old.type !== spec.type) return false;
  const typesWithIPs: readonly (string | undefined)[] = [
    ServiceType.ClusterIP,
    ServiceType.NodePort,
    ServiceType.LoadBalancer,
  ];
  if (!typesWithIPs.includes(spec.type)) return false;
  if (spec.ipFamilyPolicy !== PreferDualStack) return false;
  if (old.ipFamilyPolicy !== undefined && old.ipFamilyPolicy !== PreferDualStack) return false;
  return sameStrings(old.clusterIPs, spec.clusterIPs) && sameStrings(old.ipFamilies, spec.ipFamilies);
}

export function initIPFamilyFields(
  spec: ServiceSpecJson,
  old: Readonly<ServiceSpecJson> | undefined,
  name: string,
): void {
  if (spec.type === ServiceType.ExternalName) return;
  if (isMatchingPreferDualStack(spec, old)) return;
  const selectorless = Object.keys(spec.selector ?? {}).length === 0;
  if (spec.ipFamilyPolicy === undefined) {
    if (old?.ipFamilyPolicy !== undefined) spec.ipFamilyPolicy = old.ipFamilyPolicy;
    // Headless without a selector may front endpoints of both families.
    else if (spec.clusterIP === ClusterIPNone && selectorless) spec.ipFamilyPolicy = RequireDualStack;
    else spec.ipFamilyPolicy = SingleStack;
  }
  const related = validateClusterIPsRelatedFields(spec);
  if (related.length) invalid(name, related);

  const errors: FieldError[] = [];
  const policy = goOptional(spec.ipFamilyPolicy);
  if (old) {
    if (spec.ipFamilyPolicy === SingleStack) {
      if (sameStrings(old.clusterIPs, spec.clusterIPs) && (spec.clusterIPs?.length ?? 0) > 1) {
        spec.clusterIPs = spec.clusterIPs?.slice(0, 1);
      }
      if (sameStrings(old.ipFamilies, spec.ipFamilies) && (spec.ipFamilies?.length ?? 0) > 1) {
        spec.ipFamilies = spec.ipFamilies?.slice(0, 1);
      }
    } else {
      const reduced = (now: string[] | undefined, before: string[] | undefined): boolean =>
        (now?.length ?? 0) !== 0 && (now?.length ?? 0) < (before?.length ?? 0);
      if (reduced(spec.clusterIPs, old.clusterIPs)) {
        errors.push(
          fieldErrors.invalid(
            'spec.ipFamilyPolicy',
            policy,
            "must be 'SingleStack' to release the secondary cluster IP",
          ),
        );
      }
      if (reduced(spec.ipFamilies, old.ipFamilies)) {
        errors.push(
          fieldErrors.invalid(
            'spec.ipFamilyPolicy',
            policy,
            "must be 'SingleStack' to release the secondary IP family",
          ),
        );
      }
    }
  }
  if (spec.ipFamilyPolicy === SingleStack) {
    if (spec.clusterIPs?.length === 2) {
      const detail = "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified";
      errors.push(fieldErrors.invalid('spec.ipFamilyPolicy', policy, detail));
    }
    if (spec.ipFamilies?.length === 2) {
      const detail = "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified";
      errors.push(fieldErrors.invalid('spec.ipFamilyPolicy', policy, detail));
    }
  }
  // Families follow the addresses the client asked for.
  const clusterIPs = spec.clusterIPs ?? [];
  for (let i = 0; i < clusterIPs.length; i++) {
    const ip = clusterIPs[i] ?? '';
    if (ip === ClusterIPNone) break;
    const family = familyOf(ip);
    if (i >= (spec.ipFamilies?.length ?? 0)) {
      if (!CONFIGURED_FAMILIES.includes(family)) {
        errors.push(
          fieldErrors.invalid(
            `spec.clusterIPs[${i}]`,
            goStringSlice(spec.clusterIPs),
            `${family} is not configured on this cluster`,
          ),
        );
      } else spec.ipFamilies = [...(spec.ipFamilies ?? []), family];
    }
  }
  if (errors.length) invalid(name, errors);

  if (spec.clusterIP === ClusterIPNone && selectorless) {
    if (!spec.ipFamilies?.length) spec.ipFamilies = [CONFIGURED_FAMILIES[0] ?? IPv4];
    const only = spec.ipFamilies[0];
    if (spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== SingleStack) {
      spec.ipFamilies = [...spec.ipFamilies, only === IPv4 ? IPv6 : IPv4];
    }
    return;
  }
  if (spec.ipFamilyPolicy === RequireDualStack && CONFIGURED_FAMILIES.length < 2) {
    errors.push(
      fieldErrors.invalid('spec.ipFamilyPolicy', policy, 'this cluster is not configured for dual-stack services'),
    );
  }
  (spec.ipFamilies ?? []).forEach((family, index) => {
    if (!CONFIGURED_FAMILIES.includes(family)) {
      errors.push(fieldErrors.invalid(`spec.ipFamilies[${index}]`, family, 'not configured on this cluster'));
    }
  });
  if (errors.length) invalid(name, errors);
  if (!spec.ipFamilies?.length) spec.ipFamilies = [CONFIGURED_FAMILIES[0] ?? IPv4];
}
