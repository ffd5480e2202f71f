// IP checks of k8s.io/apimachinery/pkg/util/validation v0.32, which parse with
// k8s.io/utils/net's ParseIPSloppy / ParseCIDRSloppy: Go 1.16's net.ParseIP,
// kept because it still accepts IPv4 octets with leading zeros ("010.1.1.1").

/** An address in Go's 16-byte form (IPv4 as ::ffff:a.b.c.d). */
export type IPBytes = number[];

const IPV4_LEN = 4;
const IPV6_LEN = 16;
const BIG = 0xffffff;

interface Scanned {
  n: number;
  length: number;
  ok: boolean;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Go's dtoi: decimal prefix of `text`. */
function dtoi(text: string): Scanned {
  let n = 0;
  let i = 0;
  for (; i < text.length && isDigit(text.charCodeAt(i)); i++) {
    n = n * 10 + (text.charCodeAt(i) - 0x30);
    if (n >= BIG) return { n: BIG, length: i, ok: false };
  }
  return i === 0 ? { n: 0, length: 0, ok: false } : { n, length: i, ok: true };
}

function hexDigit(code: number): number {
  if (isDigit(code)) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  return -1;
}

/** Go's xtoi: hexadecimal prefix of `text`. */
function xtoi(text: string): Scanned {
  let n = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const digit = hexDigit(text.charCodeAt(i));
    if (digit < 0) break;
    n = n * 16 + digit;
    if (n >= BIG) return { n: 0, length: i, ok: false };
  }
  return i === 0 ? { n: 0, length: 0, ok: false } : { n, length: i, ok: true };
}

function ipv4(a: number, b: number, c: number, d: number): IPBytes {
  return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, c, d];
}

function parseIPv4(input: string): IPBytes | undefined {
  let text = input;
  const octets: number[] = [];
  for (let i = 0; i < IPV4_LEN; i++) {
    if (text.length === 0) return undefined;
    if (i > 0) {
      if (text[0] !== '.') return undefined;
      text = text.slice(1);
    }
    const { n, length, ok } = dtoi(text);
    if (!ok || n > 0xff) return undefined;
    text = text.slice(length);
    octets.push(n);
  }
  if (text.length !== 0) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] = octets;
  return ipv4(a, b, c, d);
}

function parseIPv6(input: string): IPBytes | undefined {
  let text = input;
  const ip: IPBytes = new Array<number>(IPV6_LEN).fill(0);
  let ellipsis = -1;
  if (text.length >= 2 && text[0] === ':' && text[1] === ':') {
    ellipsis = 0;
    text = text.slice(2);
    if (text.length === 0) return ip;
  }
  let i = 0;
  while (i < IPV6_LEN) {
    const { n, length, ok } = xtoi(text);
    if (!ok || n > 0xffff) return undefined;
    if (length < text.length && text[length] === '.') {
      // A trailing IPv4 address.
      if (ellipsis < 0 && i !== IPV6_LEN - IPV4_LEN) return undefined;
      if (i + IPV4_LEN > IPV6_LEN) return undefined;
      const v4 = parseIPv4(text);
      if (!v4) return undefined;
      for (let j = 0; j < IPV4_LEN; j++) ip[i + j] = v4[12 + j] ?? 0;
      text = '';
      i += IPV4_LEN;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    text = text.slice(length);
    if (text.length === 0) break;
    if (text[0] !== ':' || text.length === 1) return undefined;
    text = text.slice(1);
    if (text[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      text = text.slice(1);
      if (text.length === 0) break;
    }
  }
  if (text.length !== 0) return undefined;
  if (i < IPV6_LEN) {
    if (ellipsis < 0) return undefined;
    const shift = IPV6_LEN - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + shift] = ip[j] ?? 0;
    for (let j = ellipsis + shift - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    // An ellipsis must stand for at least one group.
    return undefined;
  }
  return ip;
}

/** netutils.ParseIPSloppy: the first '.' or ':' decides the family. */
export function parseIPSloppy(text: string): IPBytes | undefined {
  for (const char of text) {
    if (char === '.') return parseIPv4(text);
    if (char === ':') return parseIPv6(text);
  }
  return undefined;
}

/** Go's IP.To4() != nil: an IPv4 address, including the IPv4-mapped IPv6 form. */
export function isIPv4Bytes(ip: IPBytes): boolean {
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return false;
  return ip[10] === 0xff && ip[11] === 0xff;
}

export interface ParsedCIDR {
  ip: IPBytes;
  prefixLength: number;
  /** 32 for an IPv4 CIDR, 128 for IPv6. */
  bits: number;
}

/** netutils.ParseCIDRSloppy; `ip` is the address as written, not masked. */
export function parseCIDRSloppy(text: string): ParsedCIDR | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const mask = text.slice(slash + 1);
  let bits = IPV4_LEN * 8;
  let ip = parseIPv4(address);
  if (!ip) {
    bits = IPV6_LEN * 8;
    ip = parseIPv6(address);
  }
  const { n, length, ok } = dtoi(mask);
  if (!ip || !ok || length !== mask.length || n < 0 || n > bits) return undefined;
  return { ip, prefixLength: n, bits };
}

export function isValidIP(value: string): string[] {
  return parseIPSloppy(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

export function isValidIPv4Address(value: string): string[] {
  const ip = parseIPSloppy(value);
  return ip && isIPv4Bytes(ip) ? [] : ['must be a valid IPv4 address'];
}

export function isValidIPv6Address(value: string): string[] {
  const ip = parseIPSloppy(value);
  return ip && !isIPv4Bytes(ip) ? [] : ['must be a valid IPv6 address'];
}

export function isValidCIDR(value: string): string[] {
  return parseCIDRSloppy(value) ? [] : ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'];
}
