// A Kubernetes object from its protobuf encoding ("k8s\0" + runtime.Unknown),
// as the JSON the apiserver would have decoded it into: Go struct order,
// omitempty zero values left out, the wrapper types (Time, Quantity,
// IntOrString, RawExtension) in their JSON forms.
import { base64Encode, utf8Decode } from '../../runtime/bytes';
import { APPS_MESSAGES } from './schema-apps';
import { AUTOSCALING_MESSAGES } from './schema-autoscaling';
import { CORE_MESSAGES } from './schema-core';
import { DISCOVERY_MESSAGES } from './schema-discovery';
import { META_MESSAGES } from './schema-meta';
import { POLICY_MESSAGES } from './schema-policy';
import { fixedFloat, readFields, signedVarint, WireError, type WireValue } from './wire';

const MESSAGES: Record<string, string> = {
  ...META_MESSAGES,
  ...CORE_MESSAGES,
  ...APPS_MESSAGES,
  ...DISCOVERY_MESSAGES,
  ...AUTOSCALING_MESSAGES,
  ...POLICY_MESSAGES,
};

const PACKAGES: Record<string, string> = {
  v1: 'k8s.io.api.core.v1',
  'apps/v1': 'k8s.io.api.apps.v1',
  'discovery.k8s.io/v1': 'k8s.io.api.discovery.v1',
  'autoscaling/v1': 'k8s.io.api.autoscaling.v1',
  'policy/v1': 'k8s.io.api.policy.v1',
  'meta.k8s.io/v1': 'k8s.io.apimachinery.pkg.apis.meta.v1',
};

const MAGIC = [0x6b, 0x38, 0x73, 0x00];

interface FieldSchema {
  json: string;
  type: string;
  repeated: boolean;
  pointer: boolean;
  omitempty: boolean;
}

const parsed = new Map<string, Map<number, FieldSchema>>();

function schemaOf(message: string): Map<number, FieldSchema> | undefined {
  const cached = parsed.get(message);
  if (cached) return cached;
  const text = MESSAGES[message];
  if (text === undefined) return undefined;
  const fields = new Map<number, FieldSchema>();
  for (const entry of text.split(' ')) {
    const [number = '', json = '', type = '', flags = ''] = entry.split(':');
    const repeated = flags.includes('r');
    fields.set(Number(number), { json, type, repeated, pointer: flags.includes('p'), omitempty: flags.includes('o') });
  }
  parsed.set(message, fields);
  return fields;
}

export function isProtobufEnvelope(bytes: Uint8Array): boolean {
  return MAGIC.every((byte, index) => bytes[index] === byte);
}

/** The object as JSON, or an Error naming what could not be read. */
export function decodeProtobufObject(bytes: Uint8Array): Record<string, unknown> | Error {
  try {
    let apiVersion = '';
    let kind = '';
    let raw: Uint8Array = new Uint8Array();
    for (const { number, field } of readFields(bytes.subarray(MAGIC.length))) {
      if (number === 1 && field.wireType === 2) {
        for (const meta of readFields(field.value)) {
          if (meta.field.wireType !== 2) continue;
          if (meta.number === 1) apiVersion = text(meta.field.value);
          if (meta.number === 2) kind = text(meta.field.value);
        }
      } else if (number === 2 && field.wireType === 2) raw = field.value;
    }
    const pkg = PACKAGES[apiVersion];
    const message = pkg ? `${pkg}.${kind}` : '';
    if (!schemaOf(message)) return new Error(`no kind "${kind}" is registered for version "${apiVersion}"`);
    return { kind, apiVersion, ...decodeMessage(message, raw) };
  } catch (error) {
    if (error instanceof WireError) return new Error(`unable to decode protobuf body: ${error.message}`);
    throw error;
  }
}

function text(bytes: Uint8Array): string {
  return utf8Decode(Array.from(bytes));
}

function decodeMessage(message: string, bytes: Uint8Array): Record<string, unknown> {
  const schema = schemaOf(message);
  if (!schema) throw new WireError(`unknown message ${message}`);
  const values = new Map<number, unknown>();
  for (const { number, field } of readFields(bytes)) {
    const definition = schema.get(number);
    if (!definition) continue;
    const value = decodeField(definition, field, values.get(number));
    values.set(number, value);
  }
  const object: Record<string, unknown> = {};
  for (const [number, definition] of schema) {
    if (!values.has(number)) continue;
    const value = values.get(number);
    if (isOmitted(definition, value)) continue;
    object[definition.json] = value;
  }
  return object;
}

/** Go's JSON drops omitempty zero values; pointers are kept when sent, whatever they point to. */
function isOmitted(definition: FieldSchema, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (definition.pointer || !definition.omitempty) return false;
  if (Array.isArray(value)) return value.length === 0;
  if (value === '' || value === 0 || value === false) return true;
  return typeof value === 'object' && definition.type.startsWith('map<') && Object.keys(value).length === 0;
}

function decodeField(definition: FieldSchema, field: WireValue, previous: unknown): unknown {
  if (definition.type.startsWith('map<')) {
    const map = (previous as Record<string, unknown> | undefined) ?? {};
    const [keyType = 'string', valueType = 'string'] = definition.type.slice(4, -1).split(',');
    if (field.wireType !== 2) return map;
    let key: unknown = '';
    let value: unknown = defaultOf(valueType);
    for (const entry of readFields(field.value)) {
      if (entry.number === 1) key = scalar(keyType, entry.field);
      if (entry.number === 2) value = scalar(valueType, entry.field);
    }
    map[String(key)] = value;
    return map;
  }
  if (definition.repeated) {
    const list = (previous as unknown[] | undefined) ?? [];
    if (field.wireType === 2 && isPackable(definition.type)) {
      for (const packed of readFields(packedAsFields(field.value))) list.push(scalar(definition.type, packed.field));
    } else list.push(scalar(definition.type, field));
    return list;
  }
  return scalar(definition.type, field);
}

const NUMERIC = new Set(['int32', 'int64', 'uint32', 'uint64', 'bool', 'double', 'float']);

function isPackable(type: string): boolean {
  return NUMERIC.has(type);
}

/** Packed repeated varints, rewritten as field-1 varints so `readFields` reads them. */
function packedAsFields(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let index = 0; index < bytes.length; index++) {
    out.push(0x08);
    let byte = bytes[index] ?? 0;
    out.push(byte);
    while (byte & 0x80) {
      index++;
      byte = bytes[index] ?? 0;
      out.push(byte);
    }
  }
  return Uint8Array.from(out);
}

function defaultOf(type: string): unknown {
  if (type === 'string' || type === 'bytes') return '';
  if (NUMERIC.has(type)) return type === 'bool' ? false : 0;
  return {};
}

function scalar(type: string, field: WireValue): unknown {
  switch (type) {
    case 'string':
      return field.wireType === 2 ? text(field.value) : '';
    case 'bytes':
      return field.wireType === 2 ? base64Encode(Array.from(field.value)) : '';
    case 'bool':
      return field.wireType === 0 ? field.value !== 0n : false;
    case 'int32':
      return field.wireType === 0 ? signedVarint(field.value, 32) : 0;
    case 'int64':
    case 'uint32':
    case 'uint64':
      return field.wireType === 0 ? signedVarint(field.value, 64) : 0;
    case 'double':
    case 'float':
      return field.wireType === 1 || field.wireType === 5 ? fixedFloat(field.value, type) : 0;
    default:
      return field.wireType === 2 ? special(type, field.value) : undefined;
  }
}

function special(type: string, bytes: Uint8Array): unknown {
  const name = type.slice(type.lastIndexOf('.') + 1);
  const fields = (): Map<number, WireValue> => new Map(readFields(bytes).map((entry) => [entry.number, entry.field]));
  switch (name) {
    case 'Time':
    case 'MicroTime':
      return timeOf(fields(), name === 'MicroTime');
    case 'Quantity':
    case 'FieldsV1':
    case 'RawExtension': {
      const value = fields().get(1);
      if (value?.wireType !== 2) return name === 'Quantity' ? '0' : undefined;
      return name === 'Quantity' ? text(value.value) : (JSON.parse(text(value.value)) as unknown);
    }
    case 'IntOrString': {
      const values = fields();
      const kind = values.get(1);
      const isString = kind?.wireType === 0 && kind.value === 1n;
      const value = values.get(isString ? 3 : 2);
      if (isString) return value?.wireType === 2 ? text(value.value) : '';
      return value?.wireType === 0 ? signedVarint(value.value, 32) : 0;
    }
    case 'Duration': {
      const value = fields().get(1);
      return value?.wireType === 0 ? `${signedVarint(value.value, 64) / 1e9}s` : '0s';
    }
    default:
      return decodeMessage(type, bytes);
  }
}

/** metav1.Time: RFC 3339 in seconds (MicroTime: microseconds); the zero time is JSON null. */
function timeOf(values: Map<number, WireValue>, micro: boolean): string | null {
  const seconds = values.get(1);
  const nanos = values.get(2);
  const s = seconds?.wireType === 0 ? signedVarint(seconds.value, 64) : 0;
  const n = nanos?.wireType === 0 ? signedVarint(nanos.value, 32) : 0;
  if (s === 0 && n === 0) return null;
  const iso = new Date(s * 1000).toISOString().slice(0, 19);
  return micro ? `${iso}.${String(Math.floor(n / 1000)).padStart(6, '0')}Z` : `${iso}Z`;
}
