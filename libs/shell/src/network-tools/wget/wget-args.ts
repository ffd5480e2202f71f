// The wget options a lab uses, for both GNU Wget and busybox wget:
// -q, -O FILE (-O- for stdout), -S, -T/--timeout, -t/--tries, --spider-less.

export interface WgetOptions {
  urls: string[];
  quiet: boolean;
  output: string | undefined;
  serverResponse: boolean;
  timeoutMs: number | undefined;
  tries: number;
  headers: Array<[string, string]>;
  postData: string | undefined;
  /** --no-check-certificate. */
  insecure: boolean;
}

export type WgetParse = { ok: true; options: WgetOptions } | { ok: false; option: string; missing: boolean };

const WITH_VALUE: Record<string, string> = { O: 'output-document', T: 'timeout', t: 'tries', U: 'user-agent' };
const FLAGS: Record<string, string> = { q: 'quiet', S: 'server-response', v: 'verbose' };

export function parseWgetArgs(args: readonly string[]): WgetParse {
  const options: WgetOptions = {
    urls: [],
    quiet: false,
    output: undefined,
    serverResponse: false,
    timeoutMs: undefined,
    tries: 20,
    headers: [],
    postData: undefined,
    insecure: false,
  };
  const set = (name: string, value: string | undefined): void => {
    if (name === 'quiet') options.quiet = true;
    else if (name === 'server-response') options.serverResponse = true;
    else if (name === 'no-check-certificate') options.insecure = true;
    else if (name === 'output-document') options.output = value;
    else if (name === 'timeout') options.timeoutMs = Math.round(Number(value) * 1000);
    else if (name === 'tries') options.tries = Number(value) || 20;
    else if (name === 'header' && value !== undefined) {
      const colon = value.indexOf(':');
      if (colon > 0) options.headers.push([value.slice(0, colon), value.slice(colon + 1).trim()]);
    } else if (name === 'post-data') options.postData = value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (['quiet', 'server-response', 'verbose', 'no-check-certificate'].includes(name)) {
        set(name, undefined);
        continue;
      }
      if (!['output-document', 'timeout', 'tries', 'header', 'post-data', 'user-agent'].includes(name)) {
        return { ok: false, option: arg, missing: false };
      }
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) return { ok: false, option: arg, missing: true };
      set(name, value);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] ?? '';
        const flag = FLAGS[letter];
        if (flag) {
          set(flag, undefined);
          continue;
        }
        const name = WITH_VALUE[letter];
        if (!name) return { ok: false, option: letter, missing: false };
        const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (value === undefined) return { ok: false, option: letter, missing: true };
        set(name, value);
        break;
      }
      continue;
    }
    options.urls.push(arg);
  }
  return { ok: true, options };
}

/** The file name wget saves a URL's body under: the last path segment, or index.html. */
export function defaultFileName(path: string): string {
  const last = (path.split('?')[0] ?? '').split('/').pop() ?? '';
  return last === '' ? 'index.html' : last;
}

const REASONS: Record<number, string> = { 200: 'OK', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** wget speaks HTTP/1.1 to the apiserver (no ALPN h2): the reply with its status line's reason. */
export function asHttp11<T extends { version: string; status: number; reason: string }>(reply: T): T {
  if (reply.version !== 'HTTP/2') return reply;
  return { ...reply, version: 'HTTP/1.1', reason: REASONS[reply.status] ?? '' };
}
