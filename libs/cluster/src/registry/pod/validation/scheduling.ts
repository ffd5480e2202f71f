// Scheduling parts of a pod spec: ValidateTolerations, validateAffinity
// (node affinity and pod (anti-)affinity terms) and validatePodDNSConfig.
import { fieldErrors, goStringSlice, type FieldError, type FieldPath } from '../../../api/field-errors';
import { isRecord } from '../../../api/objects';
import { validateLabelName } from '../../../api/validation/labels';
import { isValidLabelValue, validateNamespaceName } from '../../../api/validation/names';
import { validateLabelSelector } from '../../../store/label-selector-object';
import { int, record, records, strings, text, type JsonRecord } from '../json';
import { validateDNS1123Subdomain, validateIP } from './common';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;

export function validateTaintEffect(effect: string, allowEmpty: boolean, path: FieldPath): FieldError[] {
  if (!allowEmpty && !effect) return [fieldErrors.required(String(path))];
  return TAINT_EFFECTS.includes(effect) ? [] : [fieldErrors.notSupported(String(path), effect, TAINT_EFFECTS)];
}

export function validateTolerations(tolerations: JsonRecord[], path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  tolerations.forEach((toleration, index) => {
    const at = path.index(index);
    const key = text(toleration.key);
    const operator = text(toleration.operator);
    const value = text(toleration.value);
    const effect = text(toleration.effect);
    if (key) errors.push(...validateLabelName(key, at.child('key')));
    if (!key && operator !== 'Exists') {
      errors.push(
        fieldErrors.invalid(
          String(at.child('operator')),
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (typeof toleration.tolerationSeconds === 'number' && effect !== 'NoExecute') {
      errors.push(
        fieldErrors.invalid(
          String(at.child('effect')),
          effect,
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
    if (operator === 'Equal' || operator === '') {
      const messages = isValidLabelValue(value);
      if (messages.length) errors.push(fieldErrors.invalid(String(at.child('operator')), value, messages.join(';')));
    } else if (operator === 'Exists') {
      if (value)
        errors.push(
          fieldErrors.invalid(String(at.child('operator')), value, "value must be empty when `operator` is 'Exists'"),
        );
    } else {
      errors.push(fieldErrors.notSupported(String(at.child('operator')), operator, ['Equal', 'Exists']));
    }
    if (effect) errors.push(...validateTaintEffect(effect, true, at.child('effect')));
  });
  return errors;
}

export function validateAffinity(affinity: JsonRecord, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  if (isRecord(affinity.nodeAffinity))
    errors.push(...validateNodeAffinity(affinity.nodeAffinity, path.child('nodeAffinity')));
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const terms = affinity[kind];
    if (!isRecord(terms)) continue;
    const kindPath = path.child(kind);
    records(terms.requiredDuringSchedulingIgnoredDuringExecution).forEach((term, index) => {
      errors.push(
        ...validatePodAffinityTerm(term, kindPath.child('requiredDuringSchedulingIgnoredDuringExecution').index(index)),
      );
    });
    records(terms.preferredDuringSchedulingIgnoredDuringExecution).forEach((weighted, index) => {
      const at = kindPath.child('preferredDuringSchedulingIgnoredDuringExecution').index(index);
      errors.push(...validateWeight(weighted.weight, at.child('weight')));
      errors.push(...validatePodAffinityTerm(record(weighted.podAffinityTerm), at.child('podAffinityTerm')));
    });
  }
  return errors;
}

function validateWeight(weight: unknown, path: FieldPath): FieldError[] {
  const value = int(weight);
  return value <= 0 || value > 100 ? [fieldErrors.invalid(String(path), value, 'must be in the range 1-100')] : [];
}

function validateNodeAffinity(affinity: JsonRecord, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const required = affinity.requiredDuringSchedulingIgnoredDuringExecution;
  if (isRecord(required)) {
    const termsPath = path.child('requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
    const terms = records(required.nodeSelectorTerms);
    if (terms.length === 0)
      errors.push(fieldErrors.required(String(termsPath), 'must have at least one node selector term'));
    terms.forEach((term, index) => errors.push(...validateNodeSelectorTerm(term, termsPath.index(index))));
  }
  records(affinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((term, index) => {
    const at = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(index);
    errors.push(...validateWeight(term.weight, at.child('weight')));
    errors.push(...validateNodeSelectorTerm(record(term.preference), at.child('preference')));
  });
  return errors;
}

function validateNodeSelectorTerm(term: JsonRecord, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  records(term.matchExpressions).forEach((requirement, index) => {
    const at = path.child('matchExpressions').index(index);
    const operator = text(requirement.operator);
    const values = strings(requirement.values);
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0)
        errors.push(
          fieldErrors.required(String(at.child('values')), "must be specified when `operator` is 'In' or 'NotIn'"),
        );
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) {
        errors.push(
          fieldErrors.forbidden(
            String(at.child('values')),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
    } else if (operator === 'Gt' || operator === 'Lt') {
      if (values.length !== 1) {
        errors.push(
          fieldErrors.required(
            String(at.child('values')),
            "must be specified single value when `operator` is 'Lt' or 'Gt'",
          ),
        );
      }
    } else {
      errors.push(fieldErrors.invalid(String(at.child('operator')), operator, 'not a valid selector operator'));
    }
    errors.push(...validateLabelName(text(requirement.key), at.child('key')));
  });
  records(term.matchFields).forEach((requirement, index) => {
    const at = path.child('matchFields').index(index);
    const operator = text(requirement.operator);
    if (operator === 'In' || operator === 'NotIn') {
      if (strings(requirement.values).length !== 1) {
        errors.push(
          fieldErrors.required(
            String(at.child('values')),
            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
          ),
        );
      }
    } else {
      errors.push(fieldErrors.invalid(String(at.child('operator')), operator, 'not a valid selector operator'));
    }
    const key = text(requirement.key);
    if (key !== 'metadata.name')
      errors.push(fieldErrors.invalid(String(at.child('key')), key, 'not a valid field selector key'));
  });
  return errors;
}

function validatePodAffinityTerm(term: JsonRecord, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const selector = term.labelSelector;
  if (isRecord(selector)) errors.push(...validateLabelSelector(selector, path.child('labelSelector')));
  const namespaceSelector = term.namespaceSelector;
  if (isRecord(namespaceSelector))
    errors.push(...validateLabelSelector(namespaceSelector, path.child('namespaceSelector')));
  for (const name of strings(term.namespaces)) {
    for (const message of validateNamespaceName(name, false))
      errors.push(fieldErrors.invalid(String(path.child('namespace')), name, message));
  }
  const topologyKey = text(term.topologyKey);
  if (!topologyKey) errors.push(fieldErrors.required(String(path.child('topologyKey')), 'can not be empty'));
  errors.push(...validateLabelName(topologyKey, path.child('topologyKey')));
  return errors;
}

export function validateDNSConfig(config: unknown, dnsPolicy: string, path: FieldPath): FieldError[] {
  if (dnsPolicy === 'None') {
    if (!isRecord(config))
      return [fieldErrors.required(String(path), 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (strings(config.nameservers).length === 0) {
      return [
        fieldErrors.required(
          String(path.child('nameservers')),
          'must provide at least one DNS nameserver when `dnsPolicy` is None',
        ),
      ];
    }
  }
  if (!isRecord(config)) return [];
  const errors: FieldError[] = [];
  const nameservers = strings(config.nameservers);
  if (nameservers.length > MAX_NAMESERVERS) {
    errors.push(
      fieldErrors.invalid(
        String(path.child('nameservers')),
        goStringSlice(nameservers),
        `must not have more than ${MAX_NAMESERVERS} nameservers`,
      ),
    );
  }
  nameservers.forEach((server, index) => errors.push(...validateIP(server, path.child('nameservers').index(index))));
  const searches = strings(config.searches);
  if (searches.length > MAX_SEARCH_PATHS) {
    errors.push(
      fieldErrors.invalid(
        String(path.child('searches')),
        goStringSlice(searches),
        `must not have more than ${MAX_SEARCH_PATHS} search paths`,
      ),
    );
  }
  if (searches.join(' ').length > MAX_SEARCH_CHARS) {
    errors.push(
      fieldErrors.invalid(
        String(path.child('searches')),
        goStringSlice(searches),
        `must not have more than ${MAX_SEARCH_CHARS} characters (including spaces) in the search list`,
      ),
    );
  }
  searches.forEach((search, index) => {
    errors.push(
      ...validateDNS1123Subdomain(
        search.endsWith('.') ? search.slice(0, -1) : search,
        path.child('searches').index(index),
      ),
    );
  });
  records(config.options).forEach((option, index) => {
    if (!text(option.name))
      errors.push(fieldErrors.required(String(path.child('options').index(index)), 'must not be empty'));
  });
  return errors;
}
