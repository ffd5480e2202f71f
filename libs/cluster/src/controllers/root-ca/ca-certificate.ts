// The cluster CA certificate kubeadm makes (CN=kubernetes, RSA 2048,
// SHA256withRSA, ten years, CA:TRUE, SAN DNS:kubernetes), DER-encoded and
// PEM-wrapped. Key and signature bytes come from the cluster's seeded
// randomness: the certificate parses like the real one but proves nothing.
import { base64Encode, utf8Encode } from '../../runtime/bytes';
import { formatTimestamp } from '../../runtime/clock';
import type { SeededRandom } from '../../runtime/random';

const TEN_YEARS_MS = 10 * 365 * 24 * 60 * 60 * 1000;

const OID_SHA256_WITH_RSA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
const OID_RSA_ENCRYPTION = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_COMMON_NAME = [0x55, 0x04, 0x03];
const OID_KEY_USAGE = [0x55, 0x1d, 0x0f];
const OID_BASIC_CONSTRAINTS = [0x55, 0x1d, 0x13];
const OID_SUBJECT_KEY_ID = [0x55, 0x1d, 0x0e];
const OID_SUBJECT_ALT_NAME = [0x55, 0x1d, 0x11];

function length(size: number): number[] {
  if (size < 0x80) return [size];
  const bytes: number[] = [];
  for (let rest = size; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}

function tlv(tag: number, content: readonly number[]): number[] {
  return [tag, ...length(content.length), ...content];
}

const sequence = (...items: number[][]): number[] => tlv(0x30, items.flat());
const set = (...items: number[][]): number[] => tlv(0x31, items.flat());
const oid = (bytes: number[]): number[] => tlv(0x06, bytes);
const octets = (bytes: number[]): number[] => tlv(0x04, bytes);
const bits = (bytes: number[], unused = 0): number[] => tlv(0x03, [unused, ...bytes]);
const TRUE = tlv(0x01, [0xff]);
const NULL = [0x05, 0x00];

/** A positive INTEGER from big-endian bytes. */
function integer(bytes: number[]): number[] {
  const trimmed = [...bytes];
  while (trimmed.length > 1 && trimmed[0] === 0 && ((trimmed[1] ?? 0) & 0x80) === 0) trimmed.shift();
  if (((trimmed[0] ?? 0) & 0x80) !== 0) trimmed.unshift(0);
  return tlv(0x02, trimmed);
}

/** UTCTime `YYMMDDHHMMSSZ`. */
function utcTime(ms: number): number[] {
  const iso = formatTimestamp(ms);
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, utf8Encode(text));
}

function randomBytes(random: SeededRandom, count: number): number[] {
  const bytes: number[] = [];
  while (bytes.length < count) {
    const word = random.uint32();
    bytes.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
  }
  return bytes.slice(0, count);
}

function name(commonName: string): number[] {
  return sequence(set(sequence(oid(OID_COMMON_NAME), tlv(0x13, utf8Encode(commonName)))));
}

function extension(id: number[], critical: boolean, value: number[]): number[] {
  return critical ? sequence(oid(id), TRUE, octets(value)) : sequence(oid(id), octets(value));
}

/** The DER bytes of a self-signed CA certificate issued at `now`. */
export function caCertificateDer(random: SeededRandom, now: number): number[] {
  const serial = randomBytes(random, 8);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  const modulus = randomBytes(random, 256);
  modulus[0] = (modulus[0] ?? 0) | 0x80;
  modulus[255] = (modulus[255] ?? 0) | 0x01;
  const keyId = randomBytes(random, 20);
  const signature = randomBytes(random, 256);
  const algorithm = sequence(oid(OID_SHA256_WITH_RSA), NULL);
  const issuedAt = Math.floor(now / 1000) * 1000;
  const publicKey = sequence(
    sequence(oid(OID_RSA_ENCRYPTION), NULL),
    bits(sequence(integer(modulus), integer([0x01, 0x00, 0x01]))),
  );
  const extensions = tlv(
    0xa3,
    sequence(
      // digitalSignature, keyEncipherment, keyCertSign
      extension(OID_KEY_USAGE, true, bits([0xa4], 2)),
      extension(OID_BASIC_CONSTRAINTS, true, sequence(TRUE)),
      extension(OID_SUBJECT_KEY_ID, false, octets(keyId)),
      extension(OID_SUBJECT_ALT_NAME, false, sequence(tlv(0x82, utf8Encode('kubernetes')))),
    ),
  );
  const tbs = sequence(
    tlv(0xa0, integer([2])),
    integer(serial),
    algorithm,
    name('kubernetes'),
    sequence(utcTime(issuedAt), utcTime(issuedAt + TEN_YEARS_MS)),
    name('kubernetes'),
    publicKey,
    extensions,
  );
  return sequence(tbs, algorithm, bits(signature));
}

/** pem.Encode of a CERTIFICATE block: base64 in lines of 64, trailing newline. */
export function caCertificatePem(random: SeededRandom, now: number): string {
  const body = base64Encode(caCertificateDer(random, now));
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Whether a text is one PEM certificate block, as this module writes them. */
export function isCertificatePem(text: unknown): text is string {
  return (
    typeof text === 'string' && /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/.test(text)
  );
}
