// host (bind 9.18): "<name> has address <ip>" lines for A and AAAA (and the
// alias line of a CNAME), "Host <name> not found: 3(NXDOMAIN)" otherwise; with
// a server argument it first says which server it used.
import type { CommandContext } from '../../runtime/command';
import { sleep } from '../tool-host';
import { ask, candidates, ndots, QUERY_TIMEOUT_MS, reverseName, searchDomains, type QueryType } from './dns-query';

export async function host(ctx: CommandContext): Promise<number> {
  const args = ctx.args.slice(1).filter((arg) => !arg.startsWith('-'));
  const name = args[0];
  const server = args[1];
  if (name === undefined) {
    ctx.stderr.write(
      'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n',
    );
    return 1;
  }
  let out = server ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n` : '';
  const ptr = reverseName(name);
  if (ptr) {
    const result = ask(ctx, ptr, 'PTR', server);
    if (result.status !== 'NOERROR' || result.answers.length === 0) {
      ctx.stdout.write(`${out}Host ${ptr} not found: 3(NXDOMAIN)\n`);
      return 1;
    }
    out += result.answers.map((record) => `${ptr} domain name pointer ${record.data}\n`).join('');
    ctx.stdout.write(out);
    return 0;
  }
  for (const fqdn of candidates(name, searchDomains(ctx), ndots(ctx))) {
    const a = ask(ctx, fqdn, 'A', server);
    if (a.status === 'timeout') {
      if (!(await sleep(ctx, QUERY_TIMEOUT_MS * 2))) return 130;
      ctx.stdout.write(`${out};; connection timed out; no servers could be reached\n`);
      return 1;
    }
    if (a.status !== 'NOERROR') continue;
    const results = [a, ...(['AAAA'] as QueryType[]).map((type) => ask(ctx, fqdn, type, server))];
    for (const result of results) {
      for (const record of result.answers) {
        const owner = record.name.replace(/\.$/, '');
        if (record.type === 'CNAME') out += `${owner} is an alias for ${record.data}\n`;
        else if (record.type === 'A' && result === a) out += `${owner} has address ${record.data}\n`;
        else if (record.type === 'AAAA' && result !== a) out += `${owner} has IPv6 address ${record.data}\n`;
      }
    }
    ctx.stdout.write(out);
    return 0;
  }
  ctx.stdout.write(`${out}Host ${name} not found: 3(NXDOMAIN)\n`);
  return 1;
}
