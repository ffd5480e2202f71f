// nc: OpenBSD netcat on the node (Ubuntu's netcat-openbsd) and busybox's
// nc_bloaty in pods. -z probes a port; without it an HTTP request on stdin
// is sent and the raw answer printed, as a learner's `printf 'GET / ...' | nc`.
import type { CommandContext } from '../runtime/command';
import { exchangeHttp, probeTcp, type ConnectErrorKind } from './http-transport';
import { KERNEL_CONNECT_TIMEOUT_MS, sleep } from './tool-host';

const SERVICES: Record<string, string> = {
  'tcp/22': 'ssh',
  'tcp/53': 'domain',
  'udp/53': 'domain',
  'tcp/80': 'http',
  'tcp/443': 'https',
  'tcp/3306': 'mysql',
  'tcp/5432': 'postgresql',
  'tcp/6379': 'redis',
  'tcp/8080': 'http-alt',
  'tcp/2379': 'etcd-client',
  'tcp/2380': 'etcd-server',
  'tcp/27017': 'mongodb',
  'tcp/10250': '*',
};

interface NcArgs {
  zero: boolean;
  verbose: number;
  udp: boolean;
  waitMs: number | undefined;
  host: string | undefined;
  ports: number[];
}

function parse(args: string[]): NcArgs {
  const parsed: NcArgs = { zero: false, verbose: 0, udp: false, waitMs: undefined, host: undefined, ports: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        if (letter === 'z') parsed.zero = true;
        else if (letter === 'v') parsed.verbose++;
        else if (letter === 'u') parsed.udp = true;
        else if (letter === 'w') {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          parsed.waitMs = Number(value ?? '0') * 1000;
          break;
        }
      }
    } else if (parsed.host === undefined) parsed.host = arg;
    else {
      const range = /^(\d+)-(\d+)$/.exec(arg);
      if (range) for (let p = Number(range[1]); p <= Number(range[2]); p++) parsed.ports.push(p);
      else parsed.ports.push(Number(arg));
    }
  }
  return parsed;
}

function reason(error: ConnectErrorKind): string {
  return error === 'refused'
    ? 'Connection refused'
    : error === 'timeout'
      ? 'Connection timed out'
      : error === 'no-route'
        ? 'No route to host'
        : 'Network is unreachable';
}

/** Waits as a connect that gets no answer does: -w, or the kernel's SYN retries. */
async function waitFor(
  ctx: CommandContext,
  error: ConnectErrorKind,
  waitMs: number | undefined,
): Promise<'timed-out' | 'failed' | 'interrupted'> {
  const kernel = error === 'timeout' ? KERNEL_CONNECT_TIMEOUT_MS : error === 'no-route' ? 3000 : 0;
  if (waitMs !== undefined && waitMs < kernel) return (await sleep(ctx, waitMs)) ? 'timed-out' : 'interrupted';
  return (await sleep(ctx, kernel)) ? 'failed' : 'interrupted';
}

async function sendStdin(ctx: CommandContext, host: string, port: number): Promise<number> {
  const input = await ctx.stdin.readAll();
  const head = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n/.exec(input);
  if (!head) return 0;
  const headers =
    input
      .split(/\r?\n\r?\n/)[0]
      ?.split(/\r?\n/)
      .slice(1)
      .map((line): [string, string] => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]) ??
    [];
  const outcome = exchangeHttp(ctx, {
    scheme: 'http',
    host,
    port,
    method: head[1] ?? 'GET',
    path: head[2] ?? '/',
    headers,
  });
  if (outcome.ok && outcome.reply) {
    const reply = outcome.reply;
    const lines = [`${reply.version} ${reply.status} ${reply.reason}`, ...reply.headers.map(([k, v]) => `${k}: ${v}`)];
    ctx.stdout.write(`${lines.join('\r\n')}\r\n\r\n${reply.body}`);
  }
  return 0;
}

async function openbsd(ctx: CommandContext, args: NcArgs, host: string): Promise<number> {
  const proto = args.udp ? 'udp' : 'tcp';
  let code = 0;
  for (const port of args.ports) {
    const result = probeTcp(ctx, host, port, args.udp ? 'UDP' : 'TCP');
    if (!result.ok && result.error === 'nxdomain') {
      ctx.stderr.write(`nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`);
      return 1;
    }
    if (result.ok || args.udp) {
      // report_sock(): a name is followed by the address it resolved to.
      const shown = result.ok && result.ip !== host ? `${host} (${result.ip})` : host;
      const service = SERVICES[`${proto}/${port}`] ?? '*';
      if (args.verbose) ctx.stderr.write(`Connection to ${shown} ${port} port [${proto}/${service}] succeeded!\n`);
      if (!args.zero) return sendStdin(ctx, host, port);
      continue;
    }
    const waited = await waitFor(ctx, result.error, args.waitMs);
    if (waited === 'interrupted') return 130;
    if (args.verbose) {
      ctx.stderr.write(
        waited === 'timed-out'
          ? `nc: connect to ${host} port ${port} (${proto}) timed out: Operation now in progress\n`
          : `nc: connect to ${host} port ${port} (${proto}) failed: ${reason(result.error)}\n`,
      );
    }
    code = 1;
  }
  return code;
}

async function busybox(ctx: CommandContext, args: NcArgs, host: string): Promise<number> {
  const port = args.ports[0] ?? 0;
  const result = probeTcp(ctx, host, port, args.udp ? 'UDP' : 'TCP');
  if (!result.ok && result.error === 'nxdomain') {
    ctx.stderr.write(`nc: bad address '${host}'\n`);
    return 1;
  }
  const dotted = `${result.ip ?? host}:${port}`;
  if (result.ok || args.udp) {
    if (args.verbose) ctx.stderr.write(`${host} (${dotted}) open\n`);
    return args.zero ? 0 : sendStdin(ctx, host, port);
  }
  const waited = await waitFor(ctx, result.error, args.waitMs);
  if (waited === 'interrupted') return 130;
  // One -v does not report refusals (nc_bloaty.c).
  if (args.verbose > 1 || (args.verbose && result.error !== 'refused')) {
    ctx.stderr.write(
      `nc: ${host} (${dotted}): ${waited === 'timed-out' ? 'Connection timed out' : reason(result.error)}\n`,
    );
  }
  return 1;
}

export async function nc(ctx: CommandContext): Promise<number> {
  const args = parse(ctx.args.slice(1));
  if (args.host === undefined || args.ports.length === 0) {
    if (ctx.flavour === 'busybox') {
      ctx.stderr.write('Usage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n');
      return 1;
    }
    ctx.stderr.write(
      'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n',
    );
    return 1;
  }
  return ctx.flavour === 'busybox' ? busybox(ctx, args, args.host) : openbsd(ctx, args, args.host);
}
