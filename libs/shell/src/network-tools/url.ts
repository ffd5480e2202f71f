// Splitting the URLs the tools are given: curl and wget assume http:// when
// no scheme is written, and the port defaults by scheme.

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  /** Explicit port, or the scheme's default. */
  port: number;
  /** Whether the port was written (then Host: carries it). */
  explicitPort: boolean;
  /** Request target: path plus query, `/` at least. */
  path: string;
  /** The URL as the tool prints it, normalised (`http://web/`). */
  href: string;
}

export type UrlResult =
  { ok: true; url: ParsedUrl } | { ok: false; reason: 'scheme'; scheme: string } | { ok: false; reason: 'malformed' };

export function parseUrl(text: string): UrlResult {
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  const scheme = schemeMatch ? (schemeMatch[1] ?? '').toLowerCase() : 'http';
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, reason: 'scheme', scheme };
  const rest = schemeMatch ? text.slice(schemeMatch[0].length) : text;
  const slash = rest.search(/[/?#]/);
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  let path = slash === -1 ? '/' : rest.slice(slash);
  path = path.split('#')[0] ?? '/';
  if (path.startsWith('?')) path = `/${path}`;
  const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
  const portMatch = /^(.*):(\d*)$/.exec(hostPort);
  const host = (portMatch ? (portMatch[1] ?? '') : hostPort).toLowerCase();
  if (host === '') return { ok: false, reason: 'malformed' };
  const portText = portMatch?.[2] ?? '';
  const defaultPort = scheme === 'https' ? 443 : 80;
  const port = portText === '' ? defaultPort : Number(portText);
  if (port > 65535) return { ok: false, reason: 'malformed' };
  const explicitPort = portText !== '' && port !== defaultPort;
  const href = `${scheme}://${host}${explicitPort ? `:${port}` : ''}${path}`;
  return { ok: true, url: { scheme, host, port, explicitPort: portText !== '', path, href } };
}

/** The Host header: the host plus the port when it is not the scheme's default. */
export function hostHeader(url: ParsedUrl): string {
  const defaultPort = url.scheme === 'https' ? 443 : 80;
  return url.port === defaultPort ? url.host : `${url.host}:${url.port}`;
}

/** Resolves a Location header against the URL it came from. */
export function resolveLocation(base: ParsedUrl, location: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return location;
  const origin = `${base.scheme}://${hostHeader(base)}`;
  if (location.startsWith('/')) return origin + location;
  const dir = base.path.split('?')[0]?.replace(/[^/]*$/, '') ?? '/';
  return origin + dir + location;
}
