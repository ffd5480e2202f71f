// The protobuf wire format, read field by field: varints, fixed 32/64-bit
// words and length-delimited bytes, as gogo-protobuf writes them for
// Kubernetes objects.

export type WireValue =
  | { wireType: 0; value: bigint }
  | { wireType: 1; value: Uint8Array }
  | { wireType: 2; value: Uint8Array }
  | { wireType: 5; value: Uint8Array };

export interface WireField {
  number: number;
  field: WireValue;
}

export class WireError extends Error {}

export function readFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let offset = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new WireError('truncated varint');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw new WireError('varint too long');
    }
  };
  const take = (length: number): Uint8Array => {
    if (offset + length > bytes.length) throw new WireError('truncated field');
    const slice = bytes.subarray(offset, offset + length);
    offset += length;
    return slice;
  };
  while (offset < bytes.length) {
    const key = Number(varint());
    const number = key >>> 3;
    const wireType = key & 7;
    if (wireType === 0) fields.push({ number, field: { wireType, value: varint() } });
    else if (wireType === 1) fields.push({ number, field: { wireType, value: take(8) } });
    else if (wireType === 2) fields.push({ number, field: { wireType, value: take(Number(varint())) } });
    else if (wireType === 5) fields.push({ number, field: { wireType, value: take(4) } });
    else throw new WireError(`unsupported wire type ${wireType}`);
  }
  return fields;
}

/** The signed value of a varint holding an int32/int64 (negative numbers are sign-extended to 64 bits). */
export function signedVarint(value: bigint, bits: 32 | 64): number {
  return Number(BigInt.asIntN(bits, value));
}

export function fixedFloat(bytes: Uint8Array, kind: 'float' | 'double'): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return kind === 'float' ? view.getFloat32(0, true) : view.getFloat64(0, true);
}
