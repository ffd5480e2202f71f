// Priority admission (plugin/pkg/admission/priority, 1.32): a pod's
// priority and preemption policy come from its PriorityClass (or the
// global default, or 0 / PreemptLowerPriority when there is none) and may
// not be set by hand; updates keep what creation decided.
import type { AdmissionPlugin } from '../api/admission/admission';
import type { StoreReader } from '../api/strategy';
import { child, record, text } from '../registry/pod/json';
import { admissionForbidden, isPodWrite } from './admission-errors';

const PRIORITY_CLASSES = 'priorityclasses.scheduling.k8s.io';
const PREEMPT_LOWER_PRIORITY = 'PreemptLowerPriority';

interface ResolvedPriority {
  name: string;
  value: number;
  preemptionPolicy: string;
}

/** The classes every cluster has, even without PriorityClass objects in the store. */
const SYSTEM_CLASSES: Record<string, number> = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
};

function storedClass(store: StoreReader, name: string): ResolvedPriority | undefined {
  const found = store.get(PRIORITY_CLASSES, undefined, name);
  if (found) {
    const value = typeof found.value === 'number' ? found.value : 0;
    return { name, value, preemptionPolicy: text(found.preemptionPolicy) || PREEMPT_LOWER_PRIORITY };
  }
  const system = SYSTEM_CLASSES[name];
  return system === undefined ? undefined : { name, value: system, preemptionPolicy: PREEMPT_LOWER_PRIORITY };
}

/** getDefaultPriority: the global default class with the lowest value, else 0. */
function defaultPriority(store: StoreReader): ResolvedPriority {
  const defaults = store.list(PRIORITY_CLASSES).filter((item) => item.globalDefault === true);
  defaults.sort((a, b) => (typeof a.value === 'number' ? a.value : 0) - (typeof b.value === 'number' ? b.value : 0));
  const chosen = defaults[0];
  if (!chosen) return { name: '', value: 0, preemptionPolicy: PREEMPT_LOWER_PRIORITY };
  return {
    name: chosen.metadata.name ?? '',
    value: typeof chosen.value === 'number' ? chosen.value : 0,
    preemptionPolicy: text(chosen.preemptionPolicy) || PREEMPT_LOWER_PRIORITY,
  };
}

export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(attributes, context) {
    if (!isPodWrite(attributes) || !attributes.object) return;
    const spec = child(attributes.object, 'spec');
    if (attributes.operation === 'UPDATE') {
      const oldSpec = record(attributes.old?.spec);
      for (const key of ['priority', 'preemptionPolicy']) {
        if (oldSpec[key] === undefined) delete spec[key];
        else spec[key] = oldSpec[key];
      }
      return;
    }
    if (attributes.operation !== 'CREATE') return;
    const className = text(spec.priorityClassName);
    let resolved: ResolvedPriority;
    if (!className) {
      resolved = defaultPriority(context.store);
      if (resolved.name) spec.priorityClassName = resolved.name;
    } else {
      const found = storedClass(context.store, className);
      if (!found) throw admissionForbidden(attributes, `no PriorityClass with name ${className} was found`);
      resolved = found;
    }
    if (typeof spec.priority === 'number' && spec.priority !== resolved.value) {
      throw admissionForbidden(
        attributes,
        `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${resolved.value} from the given PriorityClass name`,
      );
    }
    spec.priority = resolved.value;
    const policy = text(spec.preemptionPolicy);
    if (policy && policy !== resolved.preemptionPolicy) {
      throw admissionForbidden(
        attributes,
        `the string value of PreemptionPolicy (${policy}) must not be provided in pod spec; priority admission controller computed ${resolved.preemptionPolicy} from the given PriorityClass name`,
      );
    }
    spec.preemptionPolicy = resolved.preemptionPolicy;
  },
};
