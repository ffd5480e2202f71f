// kubectl's generic describer for kinds without their own: the metadata,
// then every field of the object as "Smart Label: value" lines.
import type { KubeObject } from '@kubelab/cluster';
import { eventsFor, PrefixWriter, writeEvents, type DescribeReader, writeObjectHeader } from './prefix-writer';

const SKIPPED = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** camelcase.Split + Title: `apiVersion` -> `API Version`, `creationTimestamp` -> `Creation Timestamp`. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-/g) ?? [field];
  return parts
    .map((part) =>
      ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join(' ');
}

function goValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '<nil>';
}

function writeContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child))
          writeContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabel(field)}:\n`);
      writeContent(w, level + 1, value as Record<string, unknown>, path);
    } else w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
  }
}

export function describeGeneric(object: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const w = new PrefixWriter();
  writeObjectHeader(w, object);
  writeContent(w, 0, object, '');
  if (showEvents) writeEvents(w, eventsFor(reader, object), reader.now());
  return w.text();
}
