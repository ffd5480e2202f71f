// IPv4 arithmetic for CIDRs: service and pod ranges, node networks.

export function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function numberToIp(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export interface Cidr {
  base: number;
  prefix: number;
  size: number;
}

export function parseCidr(text: string): Cidr {
  const [address = '', prefixText = '32'] = text.split('/');
  const prefix = Number(prefixText);
  const size = 2 ** (32 - prefix);
  const base = Math.floor((ipToNumber(address) ?? 0) / size) * size;
  return { base, prefix, size };
}

export function cidrContains(cidr: Cidr | string, ip: string): boolean {
  const range = typeof cidr === 'string' ? parseCidr(cidr) : cidr;
  const value = ipToNumber(ip);
  return value !== undefined && value >= range.base && value < range.base + range.size;
}

/** The n-th address of a range: `nthAddress('10.96.0.0/12', 10)` is 10.96.0.10. */
export function nthAddress(cidr: string, n: number): string {
  return numberToIp(parseCidr(cidr).base + n);
}

/** A dotted-quad IPv4 address (`10.244.1.5`). */
export function isIPv4(text: string): boolean {
  return ipToNumber(text) !== undefined;
}

/** The first address of a range: flannel's VXLAN interface holds it (`10.244.1.0`). */
export function networkAddress(cidr: string): string {
  return numberToIp(parseCidr(cidr).base);
}

/** The reverse-lookup name of an address: `5.1.244.10.in-addr.arpa.`. */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
}

/** The address a reverse-lookup name stands for (`5.1.244.10.in-addr.arpa.` -> `10.244.1.5`), if complete. */
export function addressFromReverse(name: string): string | undefined {
  const match = /^((?:\d{1,3}\.){3}\d{1,3})\.in-addr\.arpa\.?$/i.exec(name);
  if (!match?.[1]) return undefined;
  const ip = match[1].split('.').reverse().join('.');
  return isIPv4(ip) ? ip : undefined;
}

/** Addresses with dashes for dots, as DNS names carry them (`10-244-1-5`). */
export function dashedAddress(ip: string): string {
  return ip.replace(/\./g, '-');
}
