// dig (bind 9.18 on Ubuntu 22.04): +short, or the full answer with header,
// question and answer sections in BIND's column layout (name to column 24,
// TTL 32, class 40, type 48: tabs up to the column, one space past it).
import type { ResolveResult } from '@kubelab/cluster';
import type { CommandContext } from '../../runtime/command';
import { sleep } from '../tool-host';
import { ask, NODE_STUB_RESOLVER, QUERY_TIMEOUT_MS, reverseName, type QueryType } from './dns-query';

const DIG_VERSION = '9.18.30-0ubuntu0.22.04.2-Ubuntu';
const TYPES = new Set(['A', 'AAAA', 'SRV', 'PTR', 'CNAME']);

/** The display column after `text`, with tabs expanded to multiples of 8. */
function width(text: string): number {
  let at = 0;
  for (const char of text) at = char === '\t' ? (Math.floor(at / 8) + 1) * 8 : at + 1;
  return at;
}

function column(text: string, target: number): string {
  let at = width(text);
  if (at >= target) return `${text} `;
  let out = text;
  while (at < target) {
    out += '\t';
    at = (Math.floor(at / 8) + 1) * 8;
  }
  return out;
}

/** One record in dig's presentation layout. */
export function recordLine(name: string, ttl: number, type: string, data: string): string {
  let line = column(name, 24) + String(ttl);
  line = column(line, 32) + 'IN';
  line = column(line, 40) + type;
  return `${column(line, 48)}${data}`;
}

function questionLine(name: string, type: string): string {
  return `${column(`;${name}`, 32)}IN\t${type}`;
}

function whenStamp(ms: number): string {
  const date = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}

function wireLength(name: string): number {
  const labels = name
    .replace(/\.$/, '')
    .split('.')
    .filter((label) => label !== '');
  return labels.reduce((sum, label) => sum + label.length + 1, 1);
}

function rdataLength(type: string, data: string): number {
  if (type === 'A') return 4;
  if (type === 'AAAA') return 16;
  if (type === 'SRV') return 6 + wireLength(data.split(' ')[3] ?? '.');
  return wireLength(data);
}

function full(
  ctx: CommandContext,
  command: string,
  qname: string,
  type: QueryType,
  result: ResolveResult,
  server: string,
): string {
  const nodeStub = server === NODE_STUB_RESOLVER;
  const flags = result.authoritative ? 'qr aa rd' : 'qr rd ra';
  const status = result.status === 'timeout' ? 'SERVFAIL' : result.status;
  const id = (ctx.session.clock.now() >>> 3) % 65536;
  let out = `\n; <<>> DiG ${DIG_VERSION} <<>> ${command}\n`;
  if (ctx.args.some((arg) => arg.startsWith('@'))) out += '; (1 server found)\n';
  out += ';; global options: +cmd\n;; Got answer:\n';
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${id}\n`;
  out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${result.answers.length}, AUTHORITY: 0, ADDITIONAL: ${result.additional.length + 1}\n`;
  if (result.authoritative) out += ';; WARNING: recursion requested but not available\n';
  out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${nodeStub ? 65494 : 1232}\n`;
  out += `;; QUESTION SECTION:\n${questionLine(qname, type)}\n\n`;
  if (result.answers.length > 0) {
    out += ';; ANSWER SECTION:\n';
    for (const record of result.answers) out += `${recordLine(record.name, record.ttl, record.type, record.data)}\n`;
    out += '\n';
  }
  if (result.additional.length > 0) {
    out += ';; ADDITIONAL SECTION:\n';
    for (const record of result.additional) out += `${recordLine(record.name, record.ttl, record.type, record.data)}\n`;
    out += '\n';
  }
  const size =
    12 +
    wireLength(qname) +
    4 +
    [...result.answers, ...result.additional].reduce((sum, r) => sum + 12 + rdataLength(r.type, r.data), 0) +
    11;
  out += `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${whenStamp(ctx.session.clock.now())}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  return out;
}

export async function dig(ctx: CommandContext): Promise<number> {
  let server: string | undefined;
  let type: QueryType = 'A';
  let name: string | undefined;
  let short = false;
  let reverse = false;
  const args = ctx.args.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('@')) server = arg.slice(1);
    else if (arg === '+short') short = true;
    else if (arg.startsWith('+')) continue;
    else if (arg === '-t') type = (args[++i] ?? 'A').toUpperCase() as QueryType;
    else if (arg === '-x') reverse = true;
    else if (TYPES.has(arg.toUpperCase()) && name !== undefined) type = arg.toUpperCase() as QueryType;
    else if (name === undefined) name = arg;
  }
  if (reverse && name !== undefined) {
    name = reverseName(name) ?? name;
    type = 'PTR';
  }
  const qname = name === undefined ? '.' : name.endsWith('.') ? name : `${name}.`;
  const target = server ?? (ctx.host.kind === 'pod' ? undefined : NODE_STUB_RESOLVER);
  const result = ask(ctx, qname, type, target);
  const shown = result.server;
  if (result.status === 'timeout') {
    // The banner comes first; each of the three UDP tries then times out after 5 s.
    if (!short) {
      const found = server ? '; (1 server found)\n' : '';
      ctx.stdout.write(`\n; <<>> DiG ${DIG_VERSION} <<>> ${args.join(' ')}\n${found};; global options: +cmd\n`);
    }
    for (let i = 0; i < 3; i++) {
      if (!(await sleep(ctx, QUERY_TIMEOUT_MS))) return 130;
      ctx.stdout.write(`;; communications error to ${shown}#53: timed out\n`);
    }
    ctx.stdout.write(';; no servers could be reached\n');
    return 9;
  }
  if (short) {
    ctx.stdout.write(result.answers.map((record) => `${record.data}\n`).join(''));
    return 0;
  }
  ctx.stdout.write(full(ctx, args.join(' '), qname, type, result, shown));
  return 0;
}
