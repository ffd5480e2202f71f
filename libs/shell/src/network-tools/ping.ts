// ping: iputils (the node's) and busybox's. One echo per interval of
// simulated time; replies where the dataplane answers ICMP (pods, nodes, not
// iptables-mode ClusterIPs), the statistics block at the end (after -c
// packets, or when Ctrl-C interrupts a wait).
import type { CommandContext } from '../runtime/command';
import { ask, lookupAddress, reverseName } from './dns/dns-query';
import { connectSource, isIPv4, sleep } from './tool-host';

interface PingArgs {
  count: number | undefined;
  intervalMs: number;
  waitMs: number;
  host: string | undefined;
}

function parse(args: string[]): PingArgs | string {
  const parsed: PingArgs = { count: undefined, intervalMs: 1000, waitMs: 10_000, host: undefined };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const option = /^-([ciWw])(.*)$/.exec(arg);
    if (option) {
      const value = option[2] !== '' ? option[2] : args[++i];
      if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return option[1] ?? '';
      const number = Number(value);
      if (option[1] === 'c') parsed.count = number;
      else if (option[1] === 'i') parsed.intervalMs = number * 1000;
      else parsed.waitMs = number * 1000;
    } else if (!arg.startsWith('-')) parsed.host = arg;
  }
  return parsed;
}

/** Round-trip times in µs: tens of µs on one node, a few hundred across nodes, steady per address. */
function rtt(ip: string, seq: number): number {
  let hash = seq * 2654435761;
  for (const char of ip) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  return 40 + (hash % 60);
}

function ms(us: number): string {
  if (us >= 100000) return `${Math.floor(us / 1000)}`;
  if (us >= 10000) return `${Math.floor(us / 1000)}.${Math.floor((us % 1000) / 100)}`;
  if (us >= 1000) return `${Math.floor(us / 1000)}.${String(Math.floor((us % 1000) / 10)).padStart(2, '0')}`;
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

function fixed3(us: number): string {
  return `${Math.floor(us / 1000)}.${String(Math.round(us) % 1000).padStart(3, '0')}`;
}

export async function ping(ctx: CommandContext): Promise<number> {
  const busybox = ctx.flavour === 'busybox';
  const parsed = parse(ctx.args.slice(1));
  if (typeof parsed === 'string' || parsed.host === undefined) {
    ctx.stderr.write(busybox ? 'Usage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n');
    return busybox ? 1 : 2;
  }
  const host = parsed.host;
  const ip = lookupAddress(ctx, host);
  if (ip === undefined) {
    ctx.stderr.write(busybox ? `ping: bad address '${host}'\n` : `ping: ${host}: Name or service not known\n`);
    return busybox ? 1 : 2;
  }
  const answers = ctx.session.cluster.network.ping(connectSource(ctx.host), ip);
  let from = ip;
  if (!busybox && !isIPv4(host)) {
    const ptr = reverseName(ip);
    const name = ptr ? ask(ctx, ptr, 'PTR').answers[0]?.data.replace(/\.$/, '') : undefined;
    from = `${name ?? ip} (${ip})`;
  }
  ctx.stdout.write(busybox ? `PING ${host} (${ip}): 56 data bytes\n` : `PING ${host} (${ip}) 56(84) bytes of data.\n`);
  const times: number[] = [];
  let sent = 0;
  while (parsed.count === undefined || sent < parsed.count) {
    if (ctx.stdout.closed) break;
    sent++;
    if (answers) {
      const t = rtt(ip, sent);
      times.push(t);
      ctx.stdout.write(
        busybox
          ? `64 bytes from ${ip}: seq=${sent - 1} ttl=64 time=${fixed3(t)} ms\n`
          : `64 bytes from ${from}: icmp_seq=${sent} ttl=64 time=${ms(t)} ms\n`,
      );
    }
    const last = parsed.count !== undefined && sent >= parsed.count;
    const wait = last ? (answers ? 0 : parsed.waitMs) : parsed.intervalMs;
    // Ctrl-C ends the wait; the statistics follow as after the last packet.
    if (wait > 0 && !(await sleep(ctx, wait, parsed.count === undefined))) break;
  }
  const received = times.length;
  const loss = sent === 0 ? 0 : Math.floor(((sent - received) * 100) / sent);
  if (busybox) {
    ctx.stdout.write(
      `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`,
    );
    if (received > 0) {
      const avg = Math.floor(times.reduce((a, b) => a + b, 0) / received);
      ctx.stdout.write(
        `round-trip min/avg/max = ${fixed3(Math.min(...times))}/${fixed3(avg)}/${fixed3(Math.max(...times))} ms\n`,
      );
    }
    return received === 0 ? 1 : 0;
  }
  // iputils prints the loss with %g: 33.3333 for one of three.
  const lossText = sent === 0 ? '0' : String(Number((((sent - received) * 100) / sent).toPrecision(6)));
  const elapsed = Math.max(sent - 1, 0) * parsed.intervalMs + (sent > 1 ? (sent - 1) * 21 : 0);
  ctx.stdout.write(
    `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} received, ${lossText}% packet loss, time ${elapsed}ms\n`,
  );
  if (received > 0) {
    const avg = times.reduce((a, b) => a + b, 0) / received;
    const mdev = Math.sqrt(times.reduce((a, b) => a + b * b, 0) / received - avg * avg);
    ctx.stdout.write(
      `rtt min/avg/max/mdev = ${fixed3(Math.min(...times))}/${fixed3(Math.floor(avg))}/${fixed3(Math.max(...times))}/${fixed3(Math.floor(mdev))} ms\n`,
    );
  } else ctx.stdout.write('\n');
  return received === 0 ? 1 : 0;
}
