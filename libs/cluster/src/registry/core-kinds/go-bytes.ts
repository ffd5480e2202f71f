// The data maps of ConfigMaps and Secrets as Go's JSON decoder reads them:
// []byte values are base64 (runtime/bytes), and values of the wrong JSON
// type are refused in the decoder's words.
import { apiErrors } from '../../api/errors';
import { jsonValueKind } from '../../api/go-json';
import { isRecord } from '../../api/objects';
import { base64Decode, base64Encode } from '../../runtime/bytes';

/** The decode error of a whole request body: `Secret in version "v1" cannot be handled as a Secret: ...`. */
export function decodeFailure(kind: string, message: string): Error {
  return apiErrors.badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: ${message}`);
}

/**
 * A map of strings read as Go decodes `map[string]<goType>`: null values
 * become empty strings, other non-strings are refused with the decoder's message.
 */
export function decodeStringMap(
  kind: string,
  field: string,
  goType: string,
  value: unknown,
): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    throw decodeFailure(
      kind,
      `json: cannot unmarshal ${jsonValueKind(value)} into Go struct field ${kind}.${field} of type map[string]${goType}`,
    );
  }
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null) map[key] = '';
    else if (typeof item === 'string') map[key] = item;
    else
      throw decodeFailure(
        kind,
        `json: cannot unmarshal ${jsonValueKind(item)} into Go struct field ${kind}.${field} of type ${goType}`,
      );
  }
  return map;
}

/** Decodes every value of a base64 map, re-encoding it canonically; the byte count for size limits. */
export function decodeBytesMap(
  kind: string,
  map: Record<string, string>,
): { map: Record<string, string>; sizes: Record<string, number> } {
  const canonical: Record<string, string> = {};
  const sizes: Record<string, number> = {};
  for (const [key, value] of Object.entries(map)) {
    const decoded = base64Decode(value);
    if (!decoded.ok) throw decodeFailure(kind, decoded.error);
    canonical[key] = base64Encode(decoded.bytes);
    sizes[key] = decoded.bytes.length;
  }
  return { map: canonical, sizes };
}
