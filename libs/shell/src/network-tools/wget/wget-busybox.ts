// busybox wget (networking/wget.c, libbb/progress.c): "Connecting to host
// (ip:port)", "writing to stdout" / "saving to 'f'", one progress line (no
// `\r` when stderr is not a terminal), "written to stdout" / "'f' saved";
// every failure is `wget: ...` and exit status 1.
import { resolvePath, type CommandContext } from '../../runtime/command';
import { exchangeHttp } from '../http-transport';
import { KERNEL_CONNECT_TIMEOUT_MS, sleep } from '../tool-host';
import { parseUrl } from '../url';
import { asHttp11, defaultFileName, parseWgetArgs } from './wget-args';

/** smart_ulltoa5: five characters, scaled with k/M/G beyond 99999. */
function size5(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  const scales = ['k', 'M', 'G', 'T'];
  let value = bytes;
  for (const scale of scales) {
    value /= 1024;
    if (value < 10000) return `${String(Math.floor(value)).padStart(4)}${scale}`;
  }
  return String(bytes);
}

function progressLine(file: string, bytes: number, tty: boolean): string {
  const name = tty ? `\r${file.slice(0, 20).padEnd(20)} ` : `${file.slice(0, 20).padEnd(20)} `;
  const bar = `|${'*'.repeat(32)}| `;
  return `${name}100% ${bar}${size5(bytes)}  0:00:00 ETA\n`;
}

export async function busyboxWget(ctx: CommandContext): Promise<number> {
  const parsed = parseWgetArgs(ctx.args.slice(1));
  if (!parsed.ok || parsed.options.urls.length === 0) {
    if (!parsed.ok)
      ctx.stderr.write(
        `wget: ${parsed.missing ? 'option requires an argument' : 'unrecognized option'} -- '${parsed.option.replace(/^--/, '')}'\n`,
      );
    ctx.stderr.write(
      'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n',
    );
    return 1;
  }
  const options = parsed.options;
  const log = (text: string): void => {
    if (!options.quiet) ctx.stderr.write(text);
  };
  for (const text of options.urls) {
    const url = parseUrl(text);
    if (!url.ok) {
      ctx.stderr.write(`wget: not an http or ftp url: ${text}\n`);
      return 1;
    }
    const { host, port, path, scheme } = url.url;
    const outcome = exchangeHttp(
      ctx,
      {
        scheme,
        host,
        port,
        method: options.postData !== undefined ? 'POST' : 'GET',
        path,
        headers: [
          ['Host', port === 80 ? host : `${host}:${port}`],
          ['User-Agent', 'Wget'],
          ['Connection', 'close'],
          ...options.headers,
        ],
        ...(options.postData !== undefined ? { body: options.postData } : {}),
      },
      true,
    );
    if (!outcome.ok && outcome.error === 'nxdomain') {
      ctx.stderr.write(`wget: bad address '${host}'\n`);
      return 1;
    }
    const ip = outcome.ip ?? host;
    log(`Connecting to ${host} (${ip}:${port})\n`);
    if (!outcome.ok) {
      const timedOut = outcome.error === 'timeout' || outcome.error === 'no-route';
      const limit = options.timeoutMs ?? 900_000;
      if (timedOut && limit < KERNEL_CONNECT_TIMEOUT_MS) {
        if (!(await sleep(ctx, limit))) return 130;
        ctx.stderr.write('wget: download timed out\n');
        return 1;
      }
      if (timedOut && !(await sleep(ctx, outcome.error === 'timeout' ? KERNEL_CONNECT_TIMEOUT_MS : 3000))) return 130;
      const reason =
        outcome.error === 'refused'
          ? 'Connection refused'
          : outcome.error === 'timeout'
            ? 'Connection timed out'
            : outcome.error === 'no-route'
              ? 'No route to host'
              : 'Network is unreachable';
      ctx.stderr.write(`wget: can't connect to remote host (${ip}): ${reason}\n`);
      return 1;
    }
    // busybox's TLS client does not check certificates, and says so.
    if (scheme === 'https' && outcome.tls) ctx.stderr.write('wget: note: TLS certificate validation not implemented\n');
    const reply = outcome.reply ? asHttp11(outcome.reply) : undefined;
    if (!reply) {
      ctx.stderr.write(
        scheme === 'https'
          ? 'wget: error getting response: Connection reset by peer\n'
          : 'wget: error getting response\n',
      );
      return 1;
    }
    if (options.serverResponse) {
      log(`  ${reply.version} ${reply.status} ${reply.reason}\n`);
      for (const [name, value] of reply.headers) log(`  ${name}: ${value}\n`);
    }
    if (reply.status >= 300 && reply.status !== 301 && reply.status !== 302) {
      ctx.stderr.write(`wget: server returned error: ${reply.version} ${reply.status} ${reply.reason}\n`);
      return 1;
    }
    const file = options.output ?? defaultFileName(path);
    const toStdout = file === '-';
    if (!toStdout && options.output === undefined && ctx.session.fs.stat(resolvePath(ctx.cwd, file)).ok) {
      ctx.stderr.write(`wget: can't open '${file}': File exists\n`);
      return 1;
    }
    log(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
    if (toStdout) ctx.stdout.write(reply.body);
    else ctx.session.fs.writeFile(resolvePath(ctx.cwd, file), reply.body);
    if (!options.quiet) {
      // Without a terminal the line ends itself; on one, PROGRESS_END adds the newline.
      log(progressLine(toStdout ? '-' : file, reply.body.length, ctx.stderr.isTTY));
    }
    log(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
  }
  return 0;
}
