// curl: one transfer per URL through the simulated network, printing what
// curl 7.81 (the Ubuntu 22.04 node) prints: the body on stdout, the progress
// meter and -v trace on stderr, `curl: (N) ...` errors and their exit codes.
import { resolvePath, type CommandContext } from '../../runtime/command';
import { exchangeHttp, type HttpOutcome, type HttpReply } from '../http-transport';
import { sleep } from '../tool-host';
import { hostHeader, parseUrl, resolveLocation, type ParsedUrl } from '../url';
import { connectFailure, SSL_CERT_PROBLEM, WRONG_VERSION_NUMBER } from './curl-failure';
import { EMPTY_METER, meterHeader, meterLine, transferSpeed, type MeterState } from './curl-meter';
import { parseCurlArgs, type CurlOptions } from './curl-options';
import { dataTrace, headerBlock, headerValue, info, requestTrace, responseTrace } from './curl-trace';
import { writeOut, type WriteOutFacts } from './curl-write-out';

interface CurlBuild {
  version: string;
  /** 7.82+: connect failures say "Couldn't connect to server"; no "Mark bundle" line. */
  modern: boolean;
}

/** The node has Ubuntu 22.04's curl; Debian bookworm images 7.88.1; Alpine 3.21 images 8.12.1. */
function curlBuild(ctx: CommandContext): CurlBuild {
  if (ctx.host.kind !== 'pod') return { version: '7.81.0', modern: false };
  return ctx.flavour === 'busybox' ? { version: '8.12.1', modern: true } : { version: '7.88.1', modern: true };
}

interface Transfer {
  ctx: CommandContext;
  options: CurlOptions;
  build: CurlBuild;
  meter: boolean;
  /** The body goes to the terminal: no `{ [N bytes data]` lines. */
  bodyToTty: boolean;
}

function errorsShown(options: CurlOptions): boolean {
  return !options.silent || options.showError;
}

function fail(t: Transfer, code: number, message: string, trace = true): number {
  if (t.options.verbose && trace) t.ctx.stderr.write(info('Closing connection 0'));
  if (errorsShown(t.options)) t.ctx.stderr.write(`curl: (${code}) ${message}\n`);
  return code;
}

async function waitWithMeter(t: Transfer, ms: number): Promise<boolean> {
  let spent = 0;
  while (spent + 1000 <= ms) {
    if (!(await sleep(t.ctx, 1000))) return false;
    spent += 1000;
    if (t.meter) t.ctx.stderr.write(meterLine({ ...EMPTY_METER, spentSeconds: spent / 1000 }));
  }
  return sleep(t.ctx, ms - spent);
}

function requestLines(t: Transfer, url: ParsedUrl, method: string): string[] {
  const given = new Map(t.options.headers.map(([name, value]) => [name.toLowerCase(), value]));
  const lines = [`${method} ${url.path} HTTP/1.1`];
  const defaults: Array<[string, string]> = [
    ['Host', hostHeader(url)],
    ['User-Agent', t.options.userAgent ?? `curl/${t.build.version}`],
    ['Accept', '*/*'],
  ];
  for (const [name, value] of defaults) lines.push(`${name}: ${given.get(name.toLowerCase()) ?? value}`);
  const defaultNames = new Set(defaults.map(([name]) => name.toLowerCase()));
  for (const [name, value] of t.options.headers)
    if (!defaultNames.has(name.toLowerCase())) lines.push(`${name}: ${value}`);
  if (t.options.data !== undefined) {
    lines.push(`Content-Length: ${t.options.data.length}`);
    if (!given.has('content-type')) lines.push('Content-Type: application/x-www-form-urlencoded');
  }
  return lines;
}

function methodOf(options: CurlOptions): string {
  return options.method ?? (options.head ? 'HEAD' : options.data !== undefined ? 'POST' : 'GET');
}

interface Done {
  code: number;
  facts: WriteOutFacts;
}

function factsFor(url: ParsedUrl, ip: string, reply: HttpReply | undefined, redirects: number): WriteOutFacts {
  return {
    httpCode: reply?.status ?? 0,
    remoteIp: ip,
    remotePort: reply ? url.port : 0,
    sizeDownload: reply?.body.length ?? 0,
    sizeHeader: reply ? headerBlock(reply).length : 0,
    elapsedMs: reply ? 1.234 : 0,
    urlEffective: url.href,
    contentType: (reply && headerValue(reply, 'content-type')) ?? '',
    redirects,
    httpVersion: reply ? (reply.version === 'HTTP/2' ? '2' : reply.version.replace('HTTP/', '')) : '0',
  };
}

function writeBody(t: Transfer, url: ParsedUrl, text: string): number | undefined {
  const target = t.options.output ?? (t.options.remoteName ? url.path.split('?')[0]?.split('/').pop() : undefined);
  if (target === undefined) {
    t.ctx.stdout.write(text);
    return undefined;
  }
  if (target === '') {
    t.ctx.stderr.write('curl: Remote file name has no length!\n');
    return 23;
  }
  if (target === '/dev/null') return undefined;
  if (target === '-') {
    t.ctx.stdout.write(text);
    return undefined;
  }
  const written = t.ctx.session.fs.writeFile(resolvePath(t.ctx.cwd, target), text);
  if (!written.ok) {
    t.ctx.stderr.write(`Warning: Failed to create the file ${target}: No such file or directory\n`);
    return 23;
  }
  return undefined;
}

async function transfer(t: Transfer, url: ParsedUrl, redirects: number): Promise<Done> {
  const { ctx, options } = t;
  const method = methodOf(options);
  const lines = requestLines(t, url, method);
  const outcome: HttpOutcome = exchangeHttp(
    ctx,
    {
      scheme: url.scheme,
      host: url.host,
      port: url.port,
      method,
      path: url.path,
      headers: lines.slice(1).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
      ...(options.data !== undefined ? { body: options.data } : {}),
    },
    options.insecure,
  );
  const facts = factsFor(url, outcome.ok ? outcome.ip : (outcome.ip ?? ''), undefined, redirects);
  if (!outcome.ok) {
    if (options.verbose && outcome.error !== 'nxdomain')
      ctx.stderr.write(info(`  Trying ${outcome.ip ?? url.host}:${url.port}...`));
    const limit = Math.min(options.maxTimeMs ?? Infinity, options.connectTimeoutMs ?? Infinity);
    const failure = connectFailure(
      outcome.error,
      url.host,
      outcome.ip,
      url.port,
      Number.isFinite(limit) ? limit : undefined,
      outcome.dnsTimedOut,
      t.build.modern,
    );
    if (!(await waitWithMeter(t, failure.elapsedMs))) return { code: 130, facts };
    if (options.verbose) ctx.stderr.write(failure.trace.map(info).join(''));
    if (t.meter)
      ctx.stderr.write(`${meterLine({ ...EMPTY_METER, spentSeconds: Math.floor(failure.elapsedMs / 1000) })}\n`);
    return { code: fail(t, failure.code, failure.message), facts: { ...facts, elapsedMs: failure.elapsedMs } };
  }
  if (options.verbose) {
    ctx.stderr.write(info(`  Trying ${outcome.ip}:${url.port}...`));
    ctx.stderr.write(info(`Connected to ${url.host} (${outcome.ip}) port ${url.port} (#0)`));
  }
  const reply = outcome.reply;
  if (!reply) {
    if (t.meter) ctx.stderr.write(`${meterLine(EMPTY_METER)}\n`);
    if ('mismatch' in outcome && outcome.mismatch === 'tls-untrusted') {
      if (options.verbose) ctx.stderr.write(info('Closing connection 0'));
      if (errorsShown(options)) ctx.stderr.write(SSL_CERT_PROBLEM);
      return { code: 60, facts };
    }
    if ('mismatch' in outcome && outcome.mismatch === 'not-tls')
      return { code: fail(t, 35, WRONG_VERSION_NUMBER), facts };
    return { code: fail(t, 1, 'Received HTTP/0.9 when not allowed'), facts };
  }
  if (options.verbose) {
    ctx.stderr.write(requestTrace(lines));
    if (options.data !== undefined) {
      if (!t.bodyToTty) ctx.stderr.write(dataTrace('out', options.data.length));
      ctx.stderr.write(info(`upload completely sent off: ${options.data.length} out of ${options.data.length} bytes`));
    }
    if (reply.version === 'HTTP/1.0') ctx.stderr.write(info('HTTP 1.0, assume close after body'));
    else if (reply.version === 'HTTP/1.1' && !t.build.modern)
      ctx.stderr.write(info('Mark bundle as not supporting multiuse'));
    ctx.stderr.write(responseTrace(reply));
  }
  const replyFacts = factsFor(url, outcome.ip, reply, redirects);
  const length = Number(headerValue(reply, 'content-length') ?? reply.body.length);
  const failed = options.fail && reply.status >= 400;
  const location = headerValue(reply, 'location');
  const following = options.location && location !== undefined && reply.status >= 300 && reply.status < 400;
  const received = failed ? 0 : reply.body.length;
  if (options.include || options.head) {
    const written = writeBody(t, url, headerBlock(reply));
    if (written !== undefined) return { code: written, facts: replyFacts };
  }
  if (!failed && method !== 'HEAD' && !following) {
    if (options.verbose && !t.bodyToTty && reply.body.length > 0) ctx.stderr.write(dataTrace('in', reply.body.length));
    const written = writeBody(t, url, reply.body);
    if (written !== undefined)
      return { code: fail(t, written, 'Failed writing received data to disk/application', false), facts: replyFacts };
  }
  if (t.meter) {
    const state: MeterState = {
      ...EMPTY_METER,
      expectedDownload: method === 'HEAD' || following ? length : length,
      downloaded: method === 'HEAD' ? 0 : received,
      expectedUpload: options.data?.length ?? 0,
      uploaded: options.data?.length ?? 0,
      speed: transferSpeed(method === 'HEAD' ? 0 : received),
    };
    ctx.stderr.write(`${meterLine(state)}\n`);
  }
  if (failed) {
    if (options.verbose) ctx.stderr.write(info(`The requested URL returned error: ${reply.status}`));
    return { code: fail(t, 22, `The requested URL returned error: ${reply.status}`), facts: replyFacts };
  }
  const closes = reply.version === 'HTTP/1.0' || /close/i.test(headerValue(reply, 'connection') ?? '');
  if (following && location !== undefined) {
    if (options.verbose)
      ctx.stderr.write(info(`Issue another request to this URL: '${resolveLocation(url, location)}'`));
    const next = parseUrl(resolveLocation(url, location));
    if (next.ok && redirects < 50) return transfer(t, next.url, redirects + 1);
  }
  if (options.verbose) {
    ctx.stderr.write(info(closes ? 'Closing connection 0' : `Connection #0 to host ${url.host} left intact`));
  }
  return { code: 0, facts: replyFacts };
}

export async function curl(ctx: CommandContext): Promise<number> {
  const parsed = parseCurlArgs(ctx.args.slice(1));
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 2;
  }
  const options = parsed.options;
  const build = curlBuild(ctx);
  const toFile = options.output !== undefined || options.remoteName;
  const t: Transfer = {
    ctx,
    options,
    build,
    meter: !options.silent && (toFile || !ctx.stdout.isTTY),
    bodyToTty: !toFile && ctx.stdout.isTTY,
  };
  let code = 0;
  for (const text of options.urls) {
    const url = parseUrl(text);
    if (!url.ok) {
      code =
        url.reason === 'scheme'
          ? fail(t, 1, `Protocol "${url.scheme}" not supported or disabled in libcurl`, false)
          : fail(t, 3, 'URL using bad/illegal format or missing URL', false);
      continue;
    }
    if (t.meter) ctx.stderr.write(meterHeader() + meterLine(EMPTY_METER));
    const done = await transfer(t, url.url, 0);
    if (options.writeOut !== undefined) ctx.stdout.write(writeOut(options.writeOut, done.facts));
    code = done.code;
    if (code === 130) return 130;
  }
  return code;
}
