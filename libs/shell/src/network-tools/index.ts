// The network tools of the learner's shell, by command name.
import type { Command, CommandContext } from '../runtime/command';
import { curl } from './curl/curl';
import { dig } from './dns/dig';
import { host } from './dns/host';
import { nslookup } from './dns/nslookup';
import { minikube } from './minikube';
import { nc } from './nc';
import { ping } from './ping';
import { busyboxWget } from './wget/wget-busybox';
import { gnuWget } from './wget/wget-gnu';

function wget(ctx: CommandContext): Promise<number> {
  return ctx.flavour === 'busybox' ? busyboxWget(ctx) : gnuWget(ctx);
}

export const networkTools: Record<string, Command> = {
  curl,
  wget,
  nslookup,
  dig,
  host,
  nc,
  netcat: nc,
  ping,
  minikube,
};
