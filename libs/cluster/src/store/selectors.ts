// Label and field selectors of a list or watch request, parsed once and
// refused as kube-apiserver refuses them.
import { apiErrors } from '../api/errors';
import { fieldsOf, type ResourceDefinition } from '../api/resources';
import { parseFieldSelector, type FieldSelector, matchesFieldSelector as matchesFields } from './field-selector';
import { parseLabelSelector, type LabelSelector, matchesLabelSelector as matchesLabels } from './label-selector';

export interface ParsedSelectors {
  label: LabelSelector | undefined;
  field: FieldSelector | undefined;
}

export function parseSelectors(
  definition: ResourceDefinition,
  labelText: string | undefined,
  fieldText: string | undefined,
): ParsedSelectors {
  try {
    const label = labelText ? parseLabelSelector(labelText) : undefined;
    const field = fieldText ? parseFieldSelector(fieldText) : undefined;
    if (field) {
      const supported = fieldsOf(definition, { apiVersion: '', kind: '', metadata: {} });
      for (const name of fieldNames(field)) {
        if (!(name in supported)) throw new Error(`field label not supported: ${name}`);
      }
    }
    return { label, field };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const gvr = `${definition.group}/${definition.version}, Resource=${definition.resource}`;
    throw apiErrors.badRequest(
      `Unable to find "${gvr}" that match label selector "${labelText ?? ''}", field selector "${fieldText ?? ''}": ${reason}`,
    );
  }
}

export function matchesLabelSelector(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  return selector === undefined || matchesLabels(selector, labels);
}

export function matchesFieldSelector(selector: FieldSelector | undefined, fields: Record<string, string>): boolean {
  return selector === undefined || matchesFields(selector, fields);
}

function fieldNames(selector: FieldSelector): string[] {
  return selector.requirements.map((requirement) => requirement.field);
}
