// nslookup: bind9's (9.18, on the node) and busybox's (in busybox/alpine
// pods). bind applies the resolv.conf search list and stops at the first
// name that exists; busybox queries every search domain for A and AAAA and
// prints each reply in turn (networking/nslookup.c), so a short name shows
// its NXDOMAIN siblings and exits 1.
import type { ResolveResult } from '@kubelab/cluster';
import type { CommandContext } from '../../runtime/command';
import { sleep } from '../tool-host';
import { ask, candidates, ndots, QUERY_TIMEOUT_MS, reverseName, searchDomains, type QueryType } from './dns-query';

function answerLines(result: ResolveResult, type: QueryType): string {
  let out = '';
  for (const record of result.answers) {
    const name = record.name.replace(/\.$/, '');
    if (record.type === 'A' || record.type === 'AAAA') out += `Name:\t${name}\nAddress: ${record.data}\n`;
    else if (record.type === 'CNAME') out += `${name}\tcanonical name = ${record.data}\n`;
    else if (record.type === 'PTR') out += `${name}\tname = ${record.data}\n`;
    else if (record.type === 'SRV') out += `${name}\tservice = ${record.data}\n`;
  }
  return type === 'PTR' || out === '' ? out : out;
}

function parseArgs(args: string[]): {
  name: string | undefined;
  server: string | undefined;
  type: QueryType | undefined;
} {
  let type: QueryType | undefined;
  const rest: string[] = [];
  for (const arg of args) {
    const match = /^-(?:type|querytype|q)=(\w+)$/i.exec(arg);
    if (match) type = (match[1] ?? 'A').toUpperCase() as QueryType;
    else if (!arg.startsWith('-')) rest.push(arg);
  }
  return { name: rest[0], server: rest[1], type };
}

async function bindNslookup(ctx: CommandContext): Promise<number> {
  const { name, server, type } = parseArgs(ctx.args.slice(1));
  if (name === undefined) {
    ctx.stderr.write('> ');
    return 0;
  }
  const ptr = reverseName(name);
  const types: QueryType[] = ptr ? ['PTR'] : type ? [type] : ['A', 'AAAA'];
  const names = ptr ? [ptr] : candidates(name, searchDomains(ctx), ndots(ctx));
  let found: { fqdn: string; results: ResolveResult[] } | undefined;
  let last: ResolveResult | undefined;
  for (const fqdn of names) {
    const first = ask(ctx, fqdn, types[0] ?? 'A', server);
    last = first;
    if (first.status === 'timeout') break;
    if (first.status === 'NOERROR') {
      found = { fqdn, results: [first, ...types.slice(1).map((t) => ask(ctx, fqdn, t, server))] };
      break;
    }
  }
  const shownServer = last?.server ?? server ?? '';
  if (last?.status === 'timeout') {
    for (let i = 0; i < 3; i++) {
      if (!(await sleep(ctx, QUERY_TIMEOUT_MS))) return 130;
      ctx.stdout.write(`;; communications error to ${shownServer}#53: timed out\n`);
    }
    ctx.stdout.write(';; no servers could be reached\n\n');
    return 1;
  }
  let out = `Server:\t\t${shownServer}\nAddress:\t${shownServer}#53\n\n`;
  if (!found) {
    out += `** server can't find ${ptr ? ptr : name}: ${last?.status ?? 'NXDOMAIN'}\n\n`;
    ctx.stdout.write(out);
    return 1;
  }
  if (found.results.some((result) => !result.authoritative && result.answers.length > 0))
    out += 'Non-authoritative answer:\n';
  found.results.forEach((result, index) => (out += answerLines(result, types[index] ?? 'A')));
  if (found.results.every((result) => result.answers.length === 0) && !ptr) {
    out += `*** Can't find ${name}: No answer\n`;
  }
  ctx.stdout.write(`${out}\n`);
  return 0;
}

async function busyboxNslookup(ctx: CommandContext): Promise<number> {
  const { name, server, type } = parseArgs(ctx.args.slice(1));
  if (name === undefined) {
    ctx.stderr.write(
      'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n',
    );
    return 1;
  }
  const ptr = reverseName(name);
  // The search list comes from resolv.conf, which busybox reads only when no server is given.
  const searches = server === undefined && !name.includes('.') ? searchDomains(ctx) : [];
  const expand = (t: QueryType): Array<{ fqdn: string; type: QueryType }> =>
    searches.length > 0
      ? searches.map((domain) => ({ fqdn: `${name}.${domain}`, type: t }))
      : [{ fqdn: name, type: t }];
  const queries = ptr
    ? [{ fqdn: ptr, type: 'PTR' as QueryType }]
    : type
      ? expand(type)
      : [...expand('A'), ...expand('AAAA')];
  const replies = queries.map((query) => ({ query, result: ask(ctx, query.fqdn, query.type, server) }));
  const shownServer = server ?? replies[0]?.result.server ?? '';
  if (replies.every((reply) => reply.result.status === 'timeout')) {
    if (!(await sleep(ctx, QUERY_TIMEOUT_MS))) return 130;
    ctx.stdout.write(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  let out = `Server:\t\t${shownServer}\nAddress:\t${shownServer}:53\n\n`;
  let code = 0;
  for (const { query, result } of replies) {
    if (result.status === 'timeout') continue;
    if (result.status !== 'NOERROR') {
      out += `** server can't find ${query.fqdn}: ${result.status}\n\n`;
      code = 1;
      continue;
    }
    if (!result.authoritative) out += 'Non-authoritative answer:\n';
    out += `${answerLines(result, query.type)}\n`;
  }
  const unanswered = replies.filter((reply) => reply.result.status === 'timeout');
  for (const { query } of unanswered) out += `*** Can't find ${query.fqdn}: No answer\n`;
  if (unanswered.length > 0) out += '\n';
  ctx.stdout.write(out);
  return code;
}

export function nslookup(ctx: CommandContext): Promise<number> {
  return ctx.flavour === 'busybox' ? busyboxNslookup(ctx) : bindNslookup(ctx);
}
