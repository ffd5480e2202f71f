// The `nodes` resource (pkg/registry/core/node, 1.32): cluster-scoped,
// status written by the kubelet through nodes/status, taints and pod CIDRs
// validated as ValidateNode / ValidateNodeUpdate do.
import { fieldErrors, FieldPath, goQuote, goStringSlice, goValue, type FieldError } from '../../api/field-errors';
import { cloneJson, isRecord, type KubeObject } from '../../api/objects';
import type { ResourceDefinition } from '../../api/resources';
import type { Strategy } from '../../api/strategy';
import { validateLabelName } from '../../api/validation/labels';
import { isValidCIDR, isValidLabelValue, nameIsDNSSubdomain } from '../../api/validation/names';
import { child, record, records, strings, text } from '../pod/json';
import { validateTaintEffect } from '../pod/validation/scheduling';

/** SetDefaults_NodeStatus: allocatable is the capacity unless given. */
function applyNodeDefaults(node: KubeObject): void {
  const status = node.status;
  if (isRecord(status) && isRecord(status.capacity) && status.allocatable === undefined) {
    status.allocatable = cloneJson(status.capacity);
  }
}

/** validateNodeTaints; Go reports them under `metadata.taints`. */
function validateTaints(node: Readonly<KubeObject>): FieldError[] {
  const path = FieldPath.root('metadata').child('taints');
  const errors: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  records(record(node.spec).taints).forEach((taint, index) => {
    const at = path.index(index);
    const key = text(taint.key);
    const value = text(taint.value);
    const effect = text(taint.effect);
    errors.push(...validateLabelName(key, at.child('key')));
    const valueErrors = isValidLabelValue(value);
    if (valueErrors.length) errors.push(fieldErrors.invalid(String(at.child('value')), value, valueErrors.join(';')));
    errors.push(...validateTaintEffect(effect, false, at.child('effect')));
    const keys = seen.get(effect) ?? new Set<string>();
    if (keys.has(key)) {
      const rendered = goValue(
        `core.Taint{Key:${goQuote(key)}, Value:${goQuote(value)}, Effect:${goQuote(effect)}, TimeAdded:(*v1.Time)(nil)}`,
      );
      errors.push({
        ...fieldErrors.duplicate(String(at), rendered),
        detail: 'taints must be unique by key and effect pair',
      });
      return;
    }
    keys.add(key);
    seen.set(effect, keys);
  });
  return errors;
}

function validatePodCIDRs(node: Readonly<KubeObject>): FieldError[] {
  const cidrs = strings(record(node.spec).podCIDRs);
  const path = FieldPath.root('spec').child('podCIDRs');
  const errors: FieldError[] = [];
  cidrs.forEach((cidr, index) => {
    for (const message of isValidCIDR(cidr)) errors.push(fieldErrors.invalid(String(path.index(index)), cidr, message));
  });
  if (cidrs.length > 1) {
    const families = new Set(cidrs.map((cidr) => (cidr.includes(':') ? 6 : 4)));
    if (families.size !== 2 || cidrs.length > 2) {
      const rendered = goStringSlice(cidrs);
      errors.push(fieldErrors.invalid(String(path), rendered, 'may specify no more than one CIDR for each IP family'));
    }
  }
  return errors;
}

function validateNodeUpdate(node: KubeObject, old: Readonly<KubeObject>): FieldError[] {
  const errors: FieldError[] = [];
  const oldCidrs = strings(record(old.spec).podCIDRs);
  const cidrs = strings(record(node.spec).podCIDRs);
  const message = 'node updates may not change podCIDR except from "" to valid';
  const cidrPath = String(FieldPath.root('spec').child('podCIDRs'));
  if (oldCidrs.length > 0) {
    if (oldCidrs.length !== cidrs.length) errors.push(fieldErrors.forbidden(cidrPath, message));
    else
      oldCidrs.forEach((cidr, index) => cidr !== cidrs[index] && errors.push(fieldErrors.forbidden(cidrPath, message)));
  }
  const oldProvider = text(record(old.spec).providerID);
  if (oldProvider && oldProvider !== text(record(node.spec).providerID)) {
    errors.push(
      fieldErrors.forbidden(
        String(FieldPath.root('spec').child('providerID')),
        'node updates may not change providerID except from "" to valid',
      ),
    );
  }
  errors.push(...validateTaints(node));
  return errors;
}

export const nodeStrategy: Strategy = {
  nameValidator: nameIsDNSSubdomain,
  applyDefaults: applyNodeDefaults,
  validate: (node) => [...validateTaints(node), ...validatePodCIDRs(node)],
  validateUpdate: validateNodeUpdate,
  prepareForStatusUpdate(node: KubeObject): void {
    child(node, 'status');
  },
  validateStatusUpdate: validateNodeUpdate,
};

export const nodeDefinition: ResourceDefinition = {
  group: '',
  version: 'v1',
  resource: 'nodes',
  singularName: 'node',
  kind: 'Node',
  namespaced: false,
  shortNames: ['no'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  categories: [],
  strategy: nodeStrategy,
  status: true,
  fieldLabels: (node) => ({ 'spec.unschedulable': String(record(node.spec).unschedulable === true) }),
  generation: false,
};
