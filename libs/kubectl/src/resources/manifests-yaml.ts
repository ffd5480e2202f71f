// YAML and JSON manifests as kubectl decodes them: documents split on `---`
// lines (k8s.io/apimachinery's YAMLReader), each converted to JSON with
// sigs.k8s.io/yaml's go-yaml v2 semantics (YAML 1.1: `yes`/`on` are booleans,
// `0644` is octal, `0x50` hexadecimal), and go-yaml's error wording.
import { parseDocument, type Document } from 'yaml';
import { marshalJson } from '../printers';

export type DecodedDocument = { ok: true; value: unknown } | { ok: false; error: string };

/** The documents of a YAML stream, split as kubectl's YAMLReader does; blank documents are dropped. */
export function splitYamlDocuments(text: string): string[] {
  const documents: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (/^---(\s.*)?$/.test(line.replace(/\r$/, ''))) {
      documents.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  documents.push(current.join('\n'));
  return documents.filter((document) => !isBlankYaml(document));
}

function isBlankYaml(document: string): boolean {
  return document.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('#'));
}

/** Whether kubectl would read `text` as JSON (it sniffs a leading `{`). */
export function looksLikeJson(text: string): boolean {
  return text.trimStart().startsWith('{');
}

/** One YAML document as JSON-compatible data, or go-yaml's error text (`yaml: line 4: ...`). */
export function decodeYamlDocument(text: string): DecodedDocument {
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { version: '1.1', uniqueKeys: false, merge: true });
  } catch (error) {
    return { ok: false, error: `yaml: ${String(error)}` };
  }
  const [first] = document.errors;
  if (first) return { ok: false, error: goYamlError(text, first.code, first.linePos?.[0]?.line ?? 1) };
  const value: unknown = document.toJS({ maxAliasCount: -1 });
  return { ok: true, value: jsonCompatible(value) };
}

/** go-yaml v2 phrases its errors by the scanner/parser state; the common ones by the yaml library's codes. */
function goYamlError(text: string, code: string, line: number): string {
  const lines = text.split('\n');
  if (lines.some((entry) => /^\s*\t/.test(entry))) {
    const tabLine = lines.findIndex((entry) => /^\s*\t/.test(entry)) + 1;
    return `yaml: line ${tabLine}: found character that cannot start any token`;
  }
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `yaml: line ${Math.max(1, line - 1)}: did not find expected key`;
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      // The yaml library reports the key's line; go-yaml the line of the unexpected ':'.
      return `yaml: line ${line + 1}: mapping values are not allowed in this context`;
    case 'DUPLICATE_KEY':
      return `yaml: line ${line}: key already set in map`;
    default:
      return `yaml: line ${line}: did not find expected key`;
  }
}

/** JSON's view of decoded YAML: map keys become strings (`true`, `80`), dates stay strings. */
function jsonCompatible(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of value) out[String(key)] = jsonCompatible(entry);
    return out;
  }
  if (value instanceof Set) return [...value].map(jsonCompatible);
  if (Array.isArray(value)) return value.map(jsonCompatible);
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = jsonCompatible(entry);
    return out;
  }
  return value;
}

/** Go's json.Marshal of decoded data: maps with sorted keys, HTML-safe escaping, compact. */
export function goJsonCompact(value: unknown): string {
  return marshalJson(value);
}
