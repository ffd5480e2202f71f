// What kube-proxy left on the node, as the node's own tools show it:
// `iptables-save` and `ipvsadm -Ln`.
import type { Command, CommandContext } from '../runtime/command';

function nodeName(ctx: CommandContext): string | undefined {
  return ctx.host.kind === 'node' ? ctx.host.name : undefined;
}

const iptablesSave: Command = (ctx) => {
  const node = nodeName(ctx);
  if (!node) {
    ctx.stderr.write(
      'iptables-save v1.8.7 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n\n',
    );
    return 1;
  }
  const tableIndex = ctx.args.findIndex((arg) => arg === '-t' || arg === '--table');
  const table = tableIndex === -1 ? undefined : ctx.args[tableIndex + 1];
  if (table !== undefined && !['nat', 'filter', 'mangle'].includes(table)) {
    ctx.stderr.write(`iptables-save v1.8.7 (nf_tables): table '${table}' does not exist\n`);
    return 1;
  }
  ctx.stdout.write(ctx.session.cluster.network.iptablesSave(node, table as 'nat' | 'filter' | 'mangle' | undefined));
  return 0;
};

const ipvsadm: Command = (ctx) => {
  const node = nodeName(ctx);
  if (!node) {
    ctx.stderr.write(
      "Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n",
    );
    return 1;
  }
  ctx.stdout.write(ctx.session.cluster.network.ipvsadm(node));
  return 0;
};

export const nodeTools: Record<string, Command> = { 'iptables-save': iptablesSave, ipvsadm };
