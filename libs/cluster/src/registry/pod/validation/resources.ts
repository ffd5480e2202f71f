// ValidateContainerResourceRequirements of pkg/apis/core/validation:
// resource names, non-negative quantities, requests within limits, and
// the rules for resources that cannot be overcommitted.
import { fieldErrors, type FieldError, type FieldPath } from '../../../api/field-errors';
import { isQualifiedName } from '../../../api/validation/names';
import { record } from '../json';
import { formatQuantity, quantityValue, readQuantity, type Quantity } from '../quantity';
import { IS_NEGATIVE_ERROR_MSG } from './common';

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
const STANDARD_RESOURCES = [
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
  'requests.storage',
];

const isHugePages = (name: string): boolean => name.startsWith('hugepages-');
/** helper.IsNativeResource: unprefixed or in the kubernetes.io domain. */
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
const isOvercommitAllowed = (name: string): boolean => isNative(name) && !isHugePages(name);

function isExtendedResourceName(name: string): boolean {
  if (isNative(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

/** validateContainerResourceName (after validateResourceName). */
function validateResourceName(name: string, path: FieldPath): FieldError[] {
  const at = String(path);
  const qualified = isQualifiedName(name).map((message) => fieldErrors.invalid(at, name, message));
  const errors: FieldError[] = [];
  if (qualified.length) errors.push(...qualified);
  else if (!name.includes('/') && !STANDARD_RESOURCES.includes(name) && !isHugePages(name)) {
    errors.push(fieldErrors.invalid(at, name, 'must be a standard resource type or fully qualified'));
  }
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.includes(name) && !isHugePages(name)) {
      errors.push(fieldErrors.invalid(at, name, 'must be a standard resource for containers'));
    }
  } else if (!isNative(name) && !isExtendedResourceName(name)) {
    errors.push(fieldErrors.invalid(at, name, "doesn't follow extended resource name standard"));
  }
  return errors;
}

function quantities(list: unknown): Array<[string, Quantity]> {
  const entries: Array<[string, Quantity]> = [];
  for (const [name, value] of Object.entries(record(list)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const quantity = readQuantity(value);
    if (quantity) entries.push([name, quantity]);
  }
  return entries;
}

function validateQuantity(quantity: Quantity, path: FieldPath): FieldError[] {
  return quantity.mantissa < 0n
    ? [fieldErrors.invalid(String(path), formatQuantity(quantity), IS_NEGATIVE_ERROR_MSG)]
    : [];
}

/** Go walks the maps in random order; names are visited sorted here so that messages are stable. */
export function validateResourceRequirements(resources: unknown, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const requirements = record(resources);
  const limitsPath = path.child('limits');
  const requestsPath = path.child('requests');
  const limits = new Map(quantities(requirements.limits));
  let hasCpuOrMemory = false;
  let hasHugePages = false;
  for (const [name, quantity] of limits) {
    const at = limitsPath.key(name);
    errors.push(...validateResourceName(name, at), ...validateQuantity(quantity, at));
    if (isHugePages(name)) hasHugePages = true;
    if (name === 'cpu' || name === 'memory') hasCpuOrMemory = true;
  }
  for (const [name, quantity] of quantities(requirements.requests)) {
    const at = requestsPath.key(name);
    errors.push(...validateResourceName(name, at), ...validateQuantity(quantity, at));
    const limit = limits.get(name);
    if (limit) {
      const request = quantityValue(quantity);
      const limited = quantityValue(limit);
      if (request !== limited && !isOvercommitAllowed(name)) {
        errors.push(
          fieldErrors.invalid(
            String(requestsPath),
            formatQuantity(quantity),
            `must be equal to ${name} limit of ${formatQuantity(limit)}`,
          ),
        );
      } else if (request > limited) {
        errors.push(
          fieldErrors.invalid(
            String(requestsPath),
            formatQuantity(quantity),
            `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`,
          ),
        );
      }
    } else if (!isOvercommitAllowed(name)) {
      errors.push(fieldErrors.required(String(limitsPath), 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePages(name)) hasHugePages = true;
    if (name === 'cpu' || name === 'memory') hasCpuOrMemory = true;
  }
  if (!hasCpuOrMemory && hasHugePages)
    errors.push(fieldErrors.forbidden(String(path), 'HugePages require cpu or memory'));
  return errors;
}
