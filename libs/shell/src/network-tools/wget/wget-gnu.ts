// GNU Wget 1.21 (the node's): its log on stderr (`--date--  URL`, Resolving,
// Connecting, "HTTP request sent", Length, Saving to, the dot progress and
// the "saved" line), retries on timeouts, and its exit codes (4 network
// failure, 8 server error response).
import { resolvePath, type CommandContext } from '../../runtime/command';
import { exchangeHttp, type HttpReply } from '../http-transport';
import { KERNEL_CONNECT_TIMEOUT_MS, sleep } from '../tool-host';
import { parseUrl, type ParsedUrl } from '../url';
import { asHttp11, defaultFileName, parseWgetArgs, type WgetOptions } from './wget-args';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

function headerValue(reply: HttpReply, name: string): string | undefined {
  return reply.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** wget's human_readable: 6756 -> 6.6K (one decimal under 10 units, none above). */
function humanSize(bytes: number): string {
  const units = ['K', 'M', 'G', 'T'];
  let value = bytes;
  for (const unit of units) {
    value /= 1024;
    if (value < 1024 || unit === 'T') {
      return value < 10 ? `${(Math.round(value * 10) / 10).toFixed(1)}${unit}` : `${Math.round(value)}${unit}`;
    }
  }
  return String(bytes);
}

/** The rate a transfer inside the sandbox shows (about 10 µs for a small page). */
function rate(bytes: number): { value: string; unit: string } {
  let speed = Math.max(bytes, 1) * 100000;
  const units = ['B/s', 'KB/s', 'MB/s', 'GB/s'];
  let index = 0;
  while (speed >= 1024 && index < units.length - 1) {
    speed /= 1024;
    index++;
  }
  const digits = speed >= 99.95 ? 0 : speed >= 9.995 ? 1 : 2;
  return { value: speed.toFixed(digits), unit: units[index] ?? 'B/s' };
}

function dots(bytes: number): string {
  const full = Math.floor(bytes / 1024);
  let out = '';
  let line = '';
  let count = 0;
  const { value, unit } = rate(bytes);
  for (let k = 0; k < Math.max(full, 0); k++) {
    if (count === 0) line = `${String(Math.floor(k / 50) * 50).padStart(6)}K`;
    if (count % 10 === 0) line += ' ';
    line += '.';
    count++;
    if (count === 50 && k + 1 < full) {
      out += `${line} ${String(Math.floor(((k + 1) * 1024 * 100) / bytes)).padStart(3)}% ${value}${unit[0]} 0s\n`;
      count = 0;
    }
  }
  if (count === 0) line = `${String(full - (full % 50)).padStart(6)}K`;
  for (let i = count; i < 50; i++) line += i % 10 === 0 ? '  ' : ' ';
  // The rate is right-aligned in five columns (`100% 58.7M`, `100%  644M`).
  return `${out}${line}100% ${`${value}${unit[0]}`.padStart(5)}=0s\n`;
}

function serverResponse(reply: HttpReply): string {
  const lines = [`${reply.version} ${reply.status} ${reply.reason}`, ...reply.headers.map(([k, v]) => `${k}: ${v}`)];
  return lines.map((line) => `  ${line}\n`).join('');
}

async function fetchOne(ctx: CommandContext, options: WgetOptions, url: ParsedUrl): Promise<number> {
  const log = (text: string): void => {
    if (!options.quiet) ctx.stderr.write(text);
  };
  for (let attempt = 1; ; attempt++) {
    const tryNote = attempt > 1 ? `  (try:${String(attempt).padStart(2)})` : '';
    log(`--${stamp(ctx.session.clock.now())}--${tryNote}  ${url.href}\n`);
    const outcome = exchangeHttp(
      ctx,
      {
        scheme: url.scheme,
        host: url.host,
        port: url.port,
        method: options.postData !== undefined ? 'POST' : 'GET',
        path: url.path,
        headers: [
          ['User-Agent', 'Wget/1.21.2'],
          ['Accept', '*/*'],
          ['Accept-Encoding', 'identity'],
          ['Host', url.port === 80 ? url.host : `${url.host}:${url.port}`],
          ['Connection', 'Keep-Alive'],
          ...options.headers,
        ],
        ...(options.postData !== undefined ? { body: options.postData } : {}),
      },
      options.insecure,
    );
    const numeric = /^[\d.]+$/.test(url.host);
    if (!numeric) {
      if (!outcome.ok && outcome.error === 'nxdomain') {
        log(`Resolving ${url.host} (${url.host})... failed: Name or service not known.\n`);
        ctx.stderr.write(`wget: unable to resolve host address ‘${url.host}’\n`);
        return 4;
      }
      log(`Resolving ${url.host} (${url.host})... ${outcome.ip ?? ''}\n`);
    }
    const target = numeric ? `${url.host}:${url.port}` : `${url.host} (${url.host})|${outcome.ip ?? ''}|:${url.port}`;
    log(`Connecting to ${target}... `);
    if (!outcome.ok) {
      const timedOut = outcome.error === 'timeout';
      const wait = timedOut ? Math.min(options.timeoutMs ?? KERNEL_CONNECT_TIMEOUT_MS, KERNEL_CONNECT_TIMEOUT_MS) : 0;
      if (!(await sleep(ctx, wait))) return 130;
      const reason =
        outcome.error === 'refused'
          ? 'Connection refused'
          : timedOut
            ? 'Connection timed out'
            : outcome.error === 'no-route'
              ? 'No route to host'
              : 'Network is unreachable';
      log(`failed: ${reason}.\n`);
      if (!timedOut || attempt >= options.tries) return 4;
      log('Retrying.\n\n');
      if (!(await sleep(ctx, Math.min(attempt, 10) * 1000))) return 130;
      continue;
    }
    log('connected.\n');
    if (!outcome.reply && 'mismatch' in outcome && outcome.mismatch === 'tls-untrusted') {
      // The kubeadm CA is not in the node's trust store.
      ctx.stderr.write(
        `ERROR: cannot verify ${url.host}'s certificate, issued by ‘CN=kubernetes’:\n` +
          "  Unable to locally verify the issuer's authority.\n" +
          `To connect to ${url.host} insecurely, use \`--no-check-certificate'.\n`,
      );
      return 5;
    }
    const reply = outcome.reply ? asHttp11(outcome.reply) : undefined;
    if (!reply) {
      log('HTTP request sent, awaiting response... No data received.\n');
      return 4;
    }
    if (options.serverResponse) log(`HTTP request sent, awaiting response... \n${serverResponse(reply)}`);
    else log(`HTTP request sent, awaiting response... ${reply.status} ${reply.reason}\n`);
    if (reply.status >= 400) {
      log(`${stamp(ctx.session.clock.now())} ERROR ${reply.status}: ${reply.reason}.\n\n`);
      return 8;
    }
    const length = reply.body.length;
    const type = headerValue(reply, 'content-type');
    const size = length < 1024 ? `${length}` : `${length} (${humanSize(length)})`;
    log(`Length: ${size}${type ? ` [${type}]` : ''}\n`);
    const file = options.output ?? defaultFileName(url.path);
    const shown = file === '-' ? 'STDOUT' : file;
    log(`Saving to: ‘${shown}’\n\n`);
    if (file === '-') ctx.stdout.write(reply.body);
    else if (file !== '/dev/null') ctx.session.fs.writeFile(resolvePath(ctx.cwd, file), reply.body);
    const { value, unit } = rate(length);
    log(`${dots(length)}\n`);
    if (file === '-')
      log(`${stamp(ctx.session.clock.now())} (${value} ${unit}) - written to stdout [${length}/${length}]\n\n`);
    else log(`${stamp(ctx.session.clock.now())} (${value} ${unit}) - ‘${file}’ saved [${length}/${length}]\n\n`);
    return 0;
  }
}

export async function gnuWget(ctx: CommandContext): Promise<number> {
  const parsed = parseWgetArgs(ctx.args.slice(1));
  if (!parsed.ok) {
    ctx.stderr.write(
      parsed.missing
        ? `wget: option requires an argument -- '${parsed.option}'\n`
        : parsed.option.startsWith('--')
          ? `wget: unrecognized option '${parsed.option}'\n`
          : `wget: invalid option -- '${parsed.option}'\n`,
    );
    ctx.stderr.write("Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 2;
  }
  const options = parsed.options;
  if (options.urls.length === 0) {
    ctx.stderr.write("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  let code = 0;
  for (const text of options.urls) {
    const url = parseUrl(text);
    if (!url.ok) {
      ctx.stderr.write(
        `${text}: Unsupported scheme ‘${url.ok === false && url.reason === 'scheme' ? url.scheme : ''}’.\n`,
      );
      code = 1;
      continue;
    }
    const result = await fetchOne(ctx, options, url.url);
    if (result === 130) return 130;
    if (result !== 0) code = result;
  }
  return code;
}
