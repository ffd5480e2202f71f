// Commands that describe the machine: hostname, whoami, id, uname, which,
// and the program paths `which` consults.
import type { Command, CommandContext } from '../runtime/command';
import { parseOptions } from './support/options';

/** Where each program lives on an Ubuntu 22.04 kubeadm node. */
export const programPaths: Record<string, string> = {
  kubectl: '/usr/bin/kubectl',
  kubeadm: '/usr/bin/kubeadm',
  kubelet: '/usr/bin/kubelet',
  crictl: '/usr/bin/crictl',
  containerd: '/usr/bin/containerd',
  bash: '/usr/bin/bash',
  sh: '/usr/bin/sh',
  curl: '/usr/bin/curl',
  wget: '/usr/bin/wget',
  nc: '/usr/bin/nc',
  ping: '/usr/bin/ping',
  nslookup: '/usr/bin/nslookup',
  dig: '/usr/bin/dig',
  host: '/usr/bin/host',
  ip: '/usr/sbin/ip',
  iptables: '/usr/sbin/iptables',
  'iptables-save': '/usr/sbin/iptables-save',
  ipvsadm: '/usr/sbin/ipvsadm',
  ss: '/usr/bin/ss',
  jq: '/usr/bin/jq',
  yq: '/usr/bin/yq',
  vi: '/usr/bin/vi',
  vim: '/usr/bin/vim',
  nano: '/usr/bin/nano',
  less: '/usr/bin/less',
  more: '/usr/bin/more',
  awk: '/usr/bin/awk',
  mawk: '/usr/bin/mawk',
  sed: '/usr/bin/sed',
  grep: '/usr/bin/grep',
  diff: '/usr/bin/diff',
  openssl: '/usr/bin/openssl',
  helm: '/usr/local/bin/helm',
  etcdctl: '/usr/local/bin/etcdctl',
  systemctl: '/usr/bin/systemctl',
  journalctl: '/usr/bin/journalctl',
  column: '/usr/bin/column',
  xargs: '/usr/bin/xargs',
  watch: '/usr/bin/watch',
  clear: '/usr/bin/clear',
  ...Object.fromEntries(
    (
      'cat ls cp mv rm mkdir rmdir touch echo printf test true false cut head tail wc sort uniq tr tee base64 ' +
      'sleep env printenv date seq hostname whoami id uname basename dirname rev nl tac timeout yes find pwd'
    )
      .split(' ')
      .map((name) => [name, name === 'hostname' ? '/usr/bin/hostname' : `/usr/bin/${name}`]),
  ),
};

export function hostName(ctx: CommandContext): string {
  if (ctx.host.kind === 'node') return ctx.host.name;
  if (ctx.host.kind === 'pod') return ctx.env['HOSTNAME'] ?? ctx.host.name;
  return ctx.env['HOSTNAME'] ?? 'workstation';
}

export const hostname: Command = (ctx) => {
  const args = ctx.args.slice(1);
  if (args[0] === '-i' || args[0] === '-I') {
    const ip = ctx.env['KUBELAB_NODE_IP'];
    ctx.stdout.write(ip ? `${ip}${args[0] === '-I' ? ' ' : ''}\n` : '\n');
    return 0;
  }
  if (args.length > 0 && !args[0]?.startsWith('-')) {
    ctx.stderr.write(
      ctx.flavour === 'busybox'
        ? 'hostname: sethostname: Operation not permitted\n'
        : 'hostname: you must be root to change the host name\n',
    );
    return 1;
  }
  ctx.stdout.write(`${hostName(ctx)}\n`);
  return 0;
};

function userName(ctx: CommandContext): string {
  return ctx.env['USER'] ?? 'root';
}

export const whoami: Command = (ctx) => {
  ctx.stdout.write(`${userName(ctx)}\n`);
  return 0;
};

export const id: Command = (ctx) => {
  const args = ctx.args.slice(1);
  if (args.includes('-u')) ctx.stdout.write('0\n');
  else if (args.includes('-un')) ctx.stdout.write('root\n');
  else ctx.stdout.write('uid=0(root) gid=0(root) groups=0(root)\n');
  return 0;
};

const KERNEL = { release: '5.15.0-126-generic', version: '#136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024' };

export const uname: Command = (ctx) => {
  const parsed = parseOptions('uname', ctx.args.slice(1), {
    flags: 'asnrvmpio',
    long: {
      all: { key: 'a' },
      'kernel-name': { key: 's' },
      nodename: { key: 'n' },
      'kernel-release': { key: 'r' },
      'kernel-version': { key: 'v' },
      machine: { key: 'm' },
      'operating-system': { key: 'o' },
    },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  const all = options.has('a');
  const parts: string[] = [];
  const want = (key: string) => all || options.has(key);
  const none = options.list.length === 0;
  if (want('s') || none) parts.push('Linux');
  if (want('n')) parts.push(hostName(ctx));
  if (want('r')) parts.push(KERNEL.release);
  if (want('v')) parts.push(KERNEL.version);
  if (want('m')) parts.push('x86_64');
  if ((all && ctx.flavour === 'gnu') || options.has('p')) parts.push('x86_64');
  if ((all && ctx.flavour === 'gnu') || options.has('i')) parts.push('x86_64');
  if (want('o')) parts.push('GNU/Linux');
  ctx.stdout.write(`${parts.join(' ')}\n`);
  return 0;
};

export const which: Command = (ctx) => {
  const names = ctx.args.slice(1).filter((arg) => !arg.startsWith('-'));
  let status = names.length === 0 ? 1 : 0;
  for (const name of names) {
    const path = programPaths[name];
    if (path) ctx.stdout.write(`${path}\n`);
    else status = 1;
  }
  return status;
};
