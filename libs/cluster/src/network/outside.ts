// The world outside the cluster, as far as a sandbox can reach it: no real
// internet, only a fixed zone of documentation names. Every name under
// example.com, example.org and example.net (the apex included) resolves to
// the address example.com had in 2025 (93.184.215.14, and its IPv6 one);
// every other name is NXDOMAIN. That host answers HTTP on port 80 with the
// "Example Domain" page; ports it does not serve refuse, and any other
// address outside the cluster's networks is unreachable.
import type { HttpResponse } from '../images';
import { httpDate } from '../images/time-format';

export const EXAMPLE_IPV4 = '93.184.215.14';
export const EXAMPLE_IPV6 = '2606:2800:21f:cb07:6820:80da:af6b:8b2c';
const ZONES = ['example.com', 'example.org', 'example.net'];
/** Upstream answers carry this TTL (CoreDNS's `cache 30` caps what pods see at 30). */
export const OUTSIDE_TTL = 300;

/** Public resolvers the sandbox's network answers for (with the same fixed zone). */
export const PUBLIC_RESOLVERS = ['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1'];

export type DnsType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME';

export interface DnsRecord {
  /** Owner name, fully qualified with the trailing dot. */
  name: string;
  type: DnsType;
  ttl: number;
  /** A/AAAA: the address; CNAME/PTR: the target FQDN; SRV: `priority weight port target`. */
  data: string;
}

export interface OutsideAnswer {
  status: 'NOERROR' | 'NXDOMAIN';
  answers: DnsRecord[];
}

function inFixedZone(fqdn: string): boolean {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  return ZONES.some((zone) => name === zone || name.endsWith(`.${zone}`));
}

/** What the upstream resolver answers for a fully qualified name. */
export function outsideLookup(fqdn: string, type: DnsType): OutsideAnswer {
  if (!inFixedZone(fqdn)) return { status: 'NXDOMAIN', answers: [] };
  if (type === 'A') return { status: 'NOERROR', answers: [{ name: fqdn, type, ttl: OUTSIDE_TTL, data: EXAMPLE_IPV4 }] };
  if (type === 'AAAA')
    return { status: 'NOERROR', answers: [{ name: fqdn, type, ttl: OUTSIDE_TTL, data: EXAMPLE_IPV6 }] };
  return { status: 'NOERROR', answers: [] };
}

/** Whether an outside address is a host of the fixed zone (the only one anything reaches). */
export function isOutsideHost(ip: string): boolean {
  return ip === EXAMPLE_IPV4;
}

/** The outside host listens on HTTP (80) and HTTPS (443). */
export function outsideHostListens(ip: string, port: number, protocol: string): boolean {
  return isOutsideHost(ip) && protocol === 'TCP' && (port === 80 || port === 443);
}

const EXAMPLE_PAGE = [
  '<!doctype html>',
  '<html>',
  '<head>',
  '    <title>Example Domain</title>',
  '',
  '    <meta charset="utf-8" />',
  '    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />',
  '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
  '</head>',
  '',
  '<body>',
  '<div>',
  '    <h1>Example Domain</h1>',
  '    <p>This domain is for use in illustrative examples in documents. You may use this',
  '    domain in literature without prior coordination or asking for permission.</p>',
  '    <p><a href="https://www.iana.org/domains/example">More information...</a></p>',
  '</div>',
  '</body>',
  '</html>',
  '',
].join('\n');

/** The outside host's answer to an HTTP request (the same page for every path and name). */
export function outsideHttpResponse(method: string, now: number): HttpResponse {
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Content-Type', 'text/html'],
      ['Date', httpDate(now)],
      ['Content-Length', String(EXAMPLE_PAGE.length)],
      ['Connection', 'keep-alive'],
    ],
    body: method === 'HEAD' ? '' : EXAMPLE_PAGE,
    logs: [],
  };
}
