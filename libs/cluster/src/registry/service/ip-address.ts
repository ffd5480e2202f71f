// What Service validation and allocation ask of an address beyond
// "is it valid": its family, whether it is special, its IPv4 number.
import { isIPv4Bytes, parseIPSloppy } from '../../api/validation/ip';

export type IpFamily = 'IPv4' | 'IPv6';

export function isValidIpAddress(text: string): boolean {
  return parseIPSloppy(text) !== undefined;
}

/** familyOf in alloc.go: `IPv4`, `IPv6` or `unknown` (IPv4-mapped IPv6 counts as IPv4, like net.IP.To4). */
export function familyOf(text: string): IpFamily | 'unknown' {
  const ip = parseIPSloppy(text);
  if (!ip) return 'unknown';
  return isIPv4Bytes(ip) ? 'IPv4' : 'IPv6';
}

/** An IPv4 address as a 32-bit number and in canonical form, or undefined for anything else. */
export function parseIPv4(text: string): { value: number; canonical: string } | undefined {
  const ip = parseIPSloppy(text);
  if (!ip || !isIPv4Bytes(ip)) return undefined;
  const octets = ip.slice(12);
  return { value: octets.reduce((value, byte) => value * 256 + byte, 0), canonical: octets.join('.') };
}

/** ValidateNonSpecialIP's reasons, in its order, for a valid address. */
export function specialIpReasons(text: string): string[] {
  const ip = parseIPSloppy(text);
  if (!ip) return ['must be a valid IP address'];
  const v4 = isIPv4Bytes(ip);
  const b = v4 ? ip.slice(12) : ip;
  const reasons: string[] = [];
  if (b.every((byte) => byte === 0)) reasons.push(`may not be unspecified (${text})`);
  const loopback = v4 ? b[0] === 127 : b.slice(0, 15).every((byte) => byte === 0) && b[15] === 1;
  if (loopback) reasons.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  const linkLocal = v4 ? b[0] === 169 && b[1] === 254 : b[0] === 0xfe && ((b[1] ?? 0) & 0xc0) === 0x80;
  if (linkLocal) reasons.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  const linkLocalMulticast = v4
    ? b[0] === 224 && b[1] === 0 && b[2] === 0
    : b[0] === 0xff && ((b[1] ?? 0) & 0x0f) === 0x02;
  if (linkLocalMulticast) reasons.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  return reasons;
}
